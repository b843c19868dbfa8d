import { ApiDocsModule, buildServiceApiDocument } from '#libs/api-docs';
import { PRODUCT_API } from './product-api.js';

/** `GET /docs-json` and `GET /docs`: the product service's own API (docs/services/product.md). */
export const ProductApiDocsModule = ApiDocsModule.forRoot({
  title: 'microshop product service',
  document: () =>
    buildServiceApiDocument({
      service: 'product',
      description:
        'The catalog, stock levels and stock reservations, for the gateway and the order ' +
        'service. The public API is the gateway\u2019s (`/api/products/...`).',
      operations: PRODUCT_API,
    }),
});
