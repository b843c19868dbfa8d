import type { INestApplication } from '@nestjs/common';

interface RouterLayer {
  route?: { path: string | string[]; methods: Record<string, boolean> };
}

/**
 * The platform's own routes, which every app has and the API docs leave out: probes, the metrics
 * scrape, the docs themselves, and Nest's catch-all 404 (`{/*splat}`, for every method).
 */
const PLATFORM_ROUTE = /^(\/(health\/|metrics$|docs($|[-/]))|\{?\/?\*)/;

/**
 * Every route the app's router really answers, as `get /products/{id}` (OpenAPI's path style),
 * sorted, platform routes aside. Read from the Express router after `app.init()`, so a test that
 * compares it with the document's routes catches a route added without docs, or docs left behind
 * by a route that went.
 */
export function registeredRoutesOf(app: INestApplication): string[] {
  const express = app.getHttpAdapter().getInstance() as { router: { stack: RouterLayer[] } };
  const routes = express.router.stack.flatMap(({ route }) => {
    if (!route) return [];
    const paths = [route.path].flat();
    return paths
      .filter((path) => !PLATFORM_ROUTE.test(path))
      .flatMap((path) =>
        Object.keys(route.methods)
          .filter((method) => method !== '_all')
          .map((method) => `${method} ${openApiPathOf(path)}`),
      );
  });
  return [...new Set(routes)].sort();
}

/** Every operation a document describes, as `get /products/{id}`, sorted. */
export function documentedRoutesOf(document: { paths?: Record<string, object> }): string[] {
  return Object.entries(document.paths ?? {})
    .flatMap(([path, operations]) => Object.keys(operations).map((method) => `${method} ${path}`))
    .sort();
}

/** `/products/:id` → `/products/{id}`; `/products/*path` → `/products/{path}`. */
function openApiPathOf(expressPath: string): string {
  return expressPath.replace(/[:*](\w+)/g, '{$1}');
}
