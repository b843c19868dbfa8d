import { z } from 'zod';
import { moneySchema } from '../money.js';
import { productDetailSchema } from './product.http.js';
import { appliedDiscountSchema } from './promotion.http.js';
import { recommendedProductSchema } from './recommendation.http.js';

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
 * reached, failed, or (recommendations) has not heard of the product yet.
 */
export const DEGRADATION_REASONS = ['timeout', 'unavailable', 'error', 'unknown-product'] as const;
export const degradationReasonSchema = z.enum(DEGRADATION_REASONS);

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

/** What goes well with the product; empty when `degraded`. */
export const productPageRecommendationsSchema = z.object({
  ...partStatus,
  items: z.array(recommendedProductSchema),
});

/** `GET /api/products/:id/page`: everything a product page shows, from three services. */
export const productDetailPageSchema = z.object({
  product: productDetailSchema,
  pricing: productPagePricingSchema,
  recommendations: productPageRecommendationsSchema,
});

export type DegradationReason = z.output<typeof degradationReasonSchema>;
export type LoginRequest = z.output<typeof loginRequestSchema>;
export type LoginResponse = z.output<typeof loginResponseSchema>;
export type ProductDetailPage = z.output<typeof productDetailPageSchema>;
export type ProductPagePricing = z.output<typeof productPagePricingSchema>;
export type ProductPageRecommendations = z.output<typeof productPageRecommendationsSchema>;
