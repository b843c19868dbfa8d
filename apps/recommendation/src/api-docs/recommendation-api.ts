import { faultSettingsOperations, type ServiceOperation } from '#libs/api-docs';
import {
  customerRecommendationsQuerySchema,
  customerRecommendationsSchema,
  productRecommendationsQuerySchema,
  productRecommendationsSchema,
  recommendationCustomerIdSchema,
} from '#libs/contracts';
import { recommendationFaultsSchema } from '../faults/recommendation-faults.schema.js';

/** Every route of the recommendation service: reads of its event-built model, fault switches. */
export const RECOMMENDATION_API: ServiceOperation[] = [
  {
    method: 'get',
    path: '/recommendations',
    tag: 'Recommendations',
    summary: 'What goes well with a product',
    description: '404 while the read model has not heard of the product yet.',
    access: 'service',
    query: productRecommendationsQuerySchema,
    responses: {
      200: {
        description: 'Recommended products, best first.',
        schema: { name: 'ProductRecommendations', schema: productRecommendationsSchema },
      },
    },
    errors: [400, 404],
  },
  {
    method: 'get',
    path: '/recommendations/customers/{customerId}',
    tag: 'Recommendations',
    summary: 'What a customer may like (an unknown customer gets popular products)',
    access: 'service',
    pathParameters: {
      customerId: { schema: recommendationCustomerIdSchema, description: 'The customer id.' },
    },
    query: customerRecommendationsQuerySchema,
    responses: {
      200: {
        description: 'Recommended products, best first.',
        schema: { name: 'CustomerRecommendations', schema: customerRecommendationsSchema },
      },
    },
    errors: [400],
  },
  ...faultSettingsOperations(recommendationFaultsSchema),
];
