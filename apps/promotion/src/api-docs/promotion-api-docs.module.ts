import { ApiDocsModule, buildServiceApiDocument } from '#libs/api-docs';
import { PROMOTION_API } from './promotion-api.js';

/** `GET /docs-json` and `GET /docs`: the promotion service's own API (docs/services/promotion.md). */
export const PromotionApiDocsModule = ApiDocsModule.forRoot({
  title: 'microshop promotion service',
  document: () =>
    buildServiceApiDocument({
      service: 'promotion',
      description:
        'Promotions, coupons and cart quotes, for the gateway and the order service. The ' +
        'public API is the gateway\u2019s (`/api/promotions`, `/api/admin/...`).',
      operations: PROMOTION_API,
    }),
});
