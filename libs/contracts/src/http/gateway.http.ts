import { z } from 'zod';
import { moneySchema } from '../money.js';
import { productDetailSchema } from './product.http.js';
import { appliedDiscountSchema } from './promotion.http.js';
import { productRecommendationsSchema, recommendedProductSchema } from './recommendation.http.js';

// The gateway's own public payloads: signing in and the composed product page. Everything else
// the gateway serves is a service's payload passed through (see docs/gateway.md).

/** `POST /api/auth/login`. */
export const loginRequestSchema = z.strictObject({
  email: z.email().max(254),
  password: z.string().min(1).max(200),
});

/** The answer to a successful login: a bearer token for the `Authorization` header. */
export const loginResponseSchema = z.object({
  accessToken: z.string(),
  tokenType: z.literal('Bearer'),
  /** Seconds until the token expires; sign in again after that. */
  expiresIn: z.number().int().positive(),
});

/**
 * Why part of a composed page is missing or approximate: the service took too long, could not be
 * reached, failed, or (recommendations) has not heard of the product yet; the gateway did not call
 * it because its circuit is open (it failed recently) or too many calls to it are in flight
 * (`overloaded`); or an admin switched the feature off (`disabled`).
 */
export const DEGRADATION_REASONS = [
  'timeout',
  'unavailable',
  'error',
  'unknown-product',
  'circuit-open',
  'overloaded',
  'disabled',
] as const;
export const degradationReasonSchema = z.enum(DEGRADATION_REASONS);

/**
 * Where degraded recommendations came from: the last good answer for the product the gateway
 * remembers, products of the same category the gateway has seen, or nothing.
 */
export const RECOMMENDATION_FALLBACKS = ['last-good', 'category-popular', 'none'] as const;
export const recommendationFallbackSchema = z.enum(RECOMMENDATION_FALLBACKS);

/** `ok`, or `degraded` with a reason: the page is served either way. */
const partStatus = {
  status: z.enum(['ok', 'degraded']),
  reason: degradationReasonSchema.optional(),
};

/**
 * The price of one unit with the promotions in effect. When the promotion service cannot answer,
 * the part is `degraded`, `price` is the list price and `discounts` is empty.
 */
export const productPagePricingSchema = z.object({
  ...partStatus,
  listPrice: moneySchema,
  price: moneySchema,
  discounts: z.array(appliedDiscountSchema),
});

/**
 * What goes well with the product. When `degraded`, `items` come from the gateway's `fallback`:
 * possibly older or fewer, possibly none.
 */
export const productPageRecommendationsSchema = z.object({
  ...partStatus,
  fallback: recommendationFallbackSchema.optional(),
  items: z.array(recommendedProductSchema),
});

/**
 * `GET /api/recommendations`: the recommendation service's answer as it gave it, or, when the
 * gateway could not get one, the same shape marked `status: "degraded"` with the reason and the
 * fallback it served (docs/resilience.md).
 */
export const publicProductRecommendationsSchema = productRecommendationsSchema.extend({
  status: z.literal('degraded').optional(),
  reason: degradationReasonSchema.optional(),
  fallback: recommendationFallbackSchema.optional(),
});

/** `GET|PUT /api/admin/features/:feature`: whether a feature is on, in this gateway instance. */
export const featureSwitchSchema = z.strictObject({ enabled: z.boolean() });

/** `GET /api/products/:id/page`: everything a product page shows, from three services. */
export const productDetailPageSchema = z.object({
  product: productDetailSchema,
  pricing: productPagePricingSchema,
  recommendations: productPageRecommendationsSchema,
});

export type DegradationReason = z.output<typeof degradationReasonSchema>;
export type FeatureSwitch = z.output<typeof featureSwitchSchema>;
export type PublicProductRecommendations = z.output<typeof publicProductRecommendationsSchema>;
export type RecommendationFallback = z.output<typeof recommendationFallbackSchema>;
export type LoginRequest = z.output<typeof loginRequestSchema>;
export type LoginResponse = z.output<typeof loginResponseSchema>;
export type ProductDetailPage = z.output<typeof productDetailPageSchema>;
export type ProductPagePricing = z.output<typeof productPagePricingSchema>;
export type ProductPageRecommendations = z.output<typeof productPageRecommendationsSchema>;
