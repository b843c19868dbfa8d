import { z } from 'zod';
import {
  applicablePromotionsQuerySchema,
  applicablePromotionsSchema,
  categoryListSchema,
  productDetailPageSchema,
  productDetailSchema,
  productListQuerySchema,
  productPageSchema,
  productRecommendationsQuerySchema,
  publicProductRecommendationsSchema,
} from '#libs/contracts';
import type { PublicOperation } from '../public-operation.js';
import {
  EXAMPLE,
  productDetailExample,
  productPageExample,
  productSummaryExample,
  promotionExample,
  recommendedExample,
} from './examples.js';

const productIdParameter = {
  id: { schema: z.uuid(), description: 'The product id.' },
};

/** The public reads: catalog, product page, promotions, recommendations. */
export const catalogOperations: PublicOperation[] = [
  {
    method: 'get',
    path: '/api/products',
    tag: 'Catalog',
    summary: 'List products',
    description:
      'One page of the catalog, filtered by category and/or words in name, description or SKU.',
    access: 'public',
    query: productListQuerySchema,
    responses: {
      200: {
        description: 'One page of products.',
        schema: { name: 'ProductPage', schema: productPageSchema },
        example: { items: [productSummaryExample], total: 214, page: 1, pageSize: 20 },
      },
    },
    errors: [400],
  },
  {
    method: 'get',
    path: '/api/products/{id}',
    tag: 'Catalog',
    summary: 'Get one product',
    access: 'public',
    pathParameters: productIdParameter,
    responses: {
      200: {
        description: 'The product.',
        schema: { name: 'ProductDetail', schema: productDetailSchema },
        example: productDetailExample,
      },
    },
    errors: [400, 404],
  },
  {
    method: 'get',
    path: '/api/products/{id}/page',
    tag: 'Catalog',
    summary: 'Everything a product page shows',
    description:
      'The product, its price for one unit with the promotions in effect, and recommendations, ' +
      'from three services asked in parallel. Pricing and recommendations are optional: when ' +
      'their service fails the page is still served with that part `degraded` and a `reason`; ' +
      'recommendations then come from a `fallback` (last good answer, popular in the category, ' +
      'none). See docs/resilience.md.',
    access: 'public',
    pathParameters: productIdParameter,
    responses: {
      200: {
        description: 'The composed page.',
        schema: { name: 'ProductDetailPage', schema: productDetailPageSchema },
        example: productPageExample,
      },
    },
    errors: [400, 404, 502, 504],
  },
  {
    method: 'get',
    path: '/api/categories',
    tag: 'Catalog',
    summary: 'List categories',
    access: 'public',
    responses: {
      200: {
        description: 'Every category with its number of products.',
        schema: { name: 'CategoryList', schema: categoryListSchema },
        example: { items: [{ id: 'home-kitchen', name: 'Home & kitchen', productCount: 27 }] },
      },
    },
    errors: [],
  },
  {
    method: 'get',
    path: '/api/promotions',
    tag: 'Pricing',
    summary: 'Promotions that apply to a product now',
    access: 'public',
    query: applicablePromotionsQuerySchema,
    responses: {
      200: {
        description: "The product's own and its category's promotions, then the cart-wide ones.",
        schema: { name: 'ApplicablePromotions', schema: applicablePromotionsSchema },
        example: { productId: EXAMPLE.productId, items: [promotionExample] },
      },
    },
    errors: [400],
  },
  {
    method: 'get',
    path: '/api/recommendations',
    tag: 'Recommendations',
    summary: 'What goes well with a product',
    description:
      '"Bought together", falling back to popular products of the same category. 404 while the ' +
      "recommendation service's read model has not heard of the product yet. When the service " +
      'cannot answer, still 200 in the same shape with `status: degraded`, a `reason` and the ' +
      '`fallback` the items came from (docs/resilience.md).',
    access: 'public',
    query: productRecommendationsQuerySchema,
    responses: {
      200: {
        description: 'Recommended products, best first.',
        schema: {
          name: 'PublicProductRecommendations',
          schema: publicProductRecommendationsSchema,
        },
        example: {
          productId: EXAMPLE.productId,
          strategy: 'bought-together',
          items: [recommendedExample],
        },
      },
    },
    errors: [400, 404],
  },
];
