import { ApiDocsModule, buildServiceApiDocument } from '#libs/api-docs';
import { RECOMMENDATION_API } from './recommendation-api.js';

/**
 * `GET /docs-json` and `GET /docs`: the recommendation service's own API
 * (docs/services/recommendation.md).
 */
export const RecommendationApiDocsModule = ApiDocsModule.forRoot({
  title: 'microshop recommendation service',
  document: () =>
    buildServiceApiDocument({
      service: 'recommendation',
      description:
        'Recommendations from a read model built only from product and order events, for the ' +
        'gateway. The public API is the gateway\u2019s (`/api/recommendations`).',
      operations: RECOMMENDATION_API,
    }),
});
