import { z } from 'zod';
import { moneySchema } from '../money.js';

/** How many recommendations a caller may ask for at once, and how many it gets by default. */
export const RECOMMENDATION_LIMIT = { min: 1, max: 20, default: 5 } as const;

const limitSchema = z.coerce
  .number()
  .int()
  .min(RECOMMENDATION_LIMIT.min)
  .max(RECOMMENDATION_LIMIT.max)
  .default(RECOMMENDATION_LIMIT.default);

/** `GET /recommendations?productId=&limit=`: what goes well with one product. */
export const productRecommendationsQuerySchema = z.object({
  productId: z.uuid(),
  limit: limitSchema,
});

/** `GET /recommendations/customers/:customerId?limit=`: the query part. */
export const customerRecommendationsQuerySchema = z.object({ limit: limitSchema });

/**
 * The `:customerId` path parameter. Mirrors `customerId` in the order events (any non-empty
 * string), bounded so a path cannot carry an essay.
 */
export const recommendationCustomerIdSchema = z.string().min(1).max(200);

/**
 * One recommended product, as the read model knows it. `score` is the evidence for it in the unit
 * of the strategy that found it: orders bought together with the subject, or units sold.
 */
export const recommendedProductSchema = z.object({
  productId: z.uuid(),
  name: z.string(),
  categoryId: z.string(),
  price: moneySchema,
  score: z.number().int().min(0),
});

/** The answer for a product; `strategy` names the strategy that produced the first item. */
export const productRecommendationsSchema = z.object({
  productId: z.uuid(),
  strategy: z.enum(['bought-together', 'popular-in-category']),
  items: z.array(recommendedProductSchema),
});

/** The answer for a customer; `strategy` names the strategy that produced the first item. */
export const customerRecommendationsSchema = z.object({
  customerId: z.string(),
  strategy: z.enum(['bought-together', 'popular-overall']),
  items: z.array(recommendedProductSchema),
});

export type ProductRecommendationsQuery = z.output<typeof productRecommendationsQuerySchema>;
export type CustomerRecommendationsQuery = z.output<typeof customerRecommendationsQuerySchema>;
export type RecommendedProduct = z.output<typeof recommendedProductSchema>;
export type ProductRecommendations = z.output<typeof productRecommendationsSchema>;
export type CustomerRecommendations = z.output<typeof customerRecommendationsSchema>;
