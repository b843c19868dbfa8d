import type { IncomingMessage } from 'node:http';

/** Label for requests that matched no route, so unknown URLs cannot explode label cardinality. */
export const UNMATCHED_ROUTE = 'unmatched';

/** Nest answers unknown URLs from a catch-all route; those requests matched nothing of ours. */
const NEST_NOT_FOUND_ROUTE = '{/*splat}';

/**
 * The route template a request matched (`/products/:id`), never the raw URL: metrics and logs are
 * grouped by it, and a raw URL would create one time series per product id.
 */
export function routeTemplate(request: IncomingMessage): string {
  const route = (request as IncomingMessage & { route?: { path?: unknown } }).route;
  const path = route?.path;
  return typeof path === 'string' && path !== NEST_NOT_FOUND_ROUTE ? path : UNMATCHED_ROUTE;
}
