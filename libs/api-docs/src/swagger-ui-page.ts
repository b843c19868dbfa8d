import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** The files of the interactive page, from the `swagger-ui-dist` package, by their public name. */
const SWAGGER_UI_DIST = dirname(
  createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'),
);
export const SWAGGER_UI_FILES: Record<string, string> = {
  'swagger-ui-bundle.js': join(SWAGGER_UI_DIST, 'swagger-ui-bundle.js'),
  'swagger-ui.css': join(SWAGGER_UI_DIST, 'swagger-ui.css'),
};

/**
 * Starts Swagger UI on the document. A file of its own, not an inline script: the gateway's
 * content security policy lets the docs page run scripts from its own origin only.
 */
export const SWAGGER_UI_INIT = `window.ui = SwaggerUIBundle({ url: '/docs-json', dom_id: '#swagger-ui' });\n`;

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The page at `/docs`: Swagger UI reading `/docs-json`. */
export function swaggerUiPage(title: string): string {
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>${escapeHtml(title)}</title>
    <link rel="stylesheet" href="/docs/swagger-ui.css" />
  </head>
  <body>
    <div id="swagger-ui"></div>
    <script src="/docs/swagger-ui-bundle.js"></script>
    <script src="/docs/swagger-ui-init.js"></script>
  </body>
</html>
`;
}
