import { ApiDocsModule } from '#libs/api-docs';
import { PUBLIC_API } from './public-api.js';
import { buildPublicApiDocument } from './public-api-document.js';

/**
 * `GET /docs` and `GET /docs-json`: the public API, built from the zod contracts rather than
 * scanned from the controllers, because most gateway routes pass requests through and have no
 * types of their own to scan.
 */
export const PublicApiDocsModule = ApiDocsModule.forRoot({
  title: 'microshop API',
  document: () => buildPublicApiDocument(PUBLIC_API),
});
