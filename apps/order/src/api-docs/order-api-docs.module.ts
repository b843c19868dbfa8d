import { ApiDocsModule, buildServiceApiDocument } from '#libs/api-docs';
import { ORDER_API } from './order-api.js';

/** `GET /docs-json` and `GET /docs`: the order service's own API (docs/services/order.md). */
export const OrderApiDocsModule = ApiDocsModule.forRoot({
  title: 'microshop order service',
  document: () =>
    buildServiceApiDocument({
      service: 'order',
      description:
        'Orders, for the gateway, which sets `customerId` from the access token. The public ' +
        'API is the gateway\u2019s (`/api/orders/...`).',
      operations: ORDER_API,
      problems: {
        503: {
          description: 'A service the order depends on could not be asked; retry with the key.',
        },
      },
    }),
});
