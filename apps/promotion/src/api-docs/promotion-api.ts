import { z } from 'zod';
import { faultSettingsOperations, type NamedSchema, type ServiceOperation } from '#libs/api-docs';
import {
  applicablePromotionsQuerySchema,
  applicablePromotionsSchema,
  couponCodeSchema,
  couponRedemptionSchema,
  couponSchema,
  createCouponRequestSchema,
  createPromotionRequestSchema,
  promotionSchema,
  quoteRequestSchema,
  quoteSchema,
  redeemCouponRequestSchema,
} from '#libs/contracts';
import { quotaChangeSchema } from '#libs/rate-limiting';
import { promotionFaultsSchema } from '../faults/promotion-faults.schema.js';

const named = (name: string, schema: z.ZodType): NamedSchema => ({ name, schema });
const promotion = named('Promotion', promotionSchema);
const coupon = named('Coupon', couponSchema);
const redemption = named('CouponRedemption', couponRedemptionSchema);
const byCode = { code: { schema: couponCodeSchema, description: 'The coupon code.' } };

/** Every route of the promotion service: promotions, coupons, cart quotes, fault switches. */
export const PROMOTION_API: ServiceOperation[] = [
  {
    method: 'get',
    path: '/promotions',
    tag: 'Promotions',
    summary: 'Promotions that apply to a product now',
    access: 'service',
    query: applicablePromotionsQuerySchema,
    responses: {
      200: {
        description: "The product's, its category's, then the cart-wide promotions.",
        schema: named('ApplicablePromotions', applicablePromotionsSchema),
      },
    },
    errors: [400, 404],
  },
  {
    method: 'get',
    path: '/promotions/{id}',
    tag: 'Promotions',
    summary: 'One promotion, in effect or not',
    access: 'service',
    pathParameters: { id: { schema: z.uuid(), description: 'The promotion id.' } },
    responses: { 200: { description: 'The promotion.', schema: promotion } },
    errors: [400, 404],
  },
  {
    method: 'post',
    path: '/promotions',
    tag: 'Promotions',
    summary: 'Create a promotion',
    access: 'service',
    body: { schema: named('CreatePromotionRequest', createPromotionRequestSchema) },
    responses: { 201: { description: 'Created.', schema: promotion } },
    errors: [400, 422],
  },
  {
    method: 'post',
    path: '/quotes',
    tag: 'Pricing',
    summary: 'Price a cart with the promotions and coupon in effect (creates nothing)',
    access: 'service',
    body: { schema: named('QuoteRequest', quoteRequestSchema) },
    responses: { 200: { description: 'The priced cart.', schema: named('Quote', quoteSchema) } },
    errors: [400, 409, 422],
  },
  {
    method: 'post',
    path: '/coupons',
    tag: 'Coupons',
    summary: 'Create a coupon',
    access: 'service',
    body: { schema: named('CreateCouponRequest', createCouponRequestSchema) },
    responses: { 201: { description: 'Created.', schema: coupon } },
    errors: [400, 409],
  },
  {
    method: 'get',
    path: '/coupons/{code}',
    tag: 'Coupons',
    summary: 'A coupon with its count of held redemptions',
    access: 'service',
    pathParameters: byCode,
    responses: { 200: { description: 'The coupon.', schema: coupon } },
    errors: [400, 404],
  },
  {
    method: 'post',
    path: '/coupons/{code}/redemptions',
    tag: 'Coupons',
    summary: 'Redeem a coupon for an order (idempotent per order)',
    access: 'service',
    pathParameters: byCode,
    body: { schema: named('RedeemCouponRequest', redeemCouponRequestSchema) },
    responses: {
      201: { description: 'Redeemed.', schema: redemption },
      200: { description: 'The order had already redeemed it.', schema: redemption },
    },
    errors: [400, 409, 422],
  },
  {
    method: 'post',
    path: '/coupons/{code}/redemptions/{orderId}/release',
    tag: 'Coupons',
    summary: "Release an order's redemption (also before it arrived: a tombstone)",
    access: 'service',
    pathParameters: {
      ...byCode,
      orderId: { schema: z.uuid(), description: 'The order that redeemed it.' },
    },
    responses: { 200: { description: 'Released.', schema: redemption } },
    errors: [400, 422],
  },
  {
    method: 'get',
    path: '/admin/rate-limits',
    tag: 'Rate limits',
    summary: 'The quotas in force, by caller and route class',
    access: 'service',
    responses: { 200: { description: "The default quota and each caller's quotas." } },
    errors: [403],
  },
  {
    method: 'put',
    path: '/admin/rate-limits',
    tag: 'Rate limits',
    summary: 'Change quotas at runtime (merged in; reaches every replica)',
    access: 'service',
    body: { schema: { name: 'QuotaChange', schema: quotaChangeSchema } },
    responses: { 200: { description: 'The quotas now in force.' } },
    errors: [400, 403],
  },
  ...faultSettingsOperations(promotionFaultsSchema),
];
