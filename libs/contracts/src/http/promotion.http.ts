import { z } from 'zod';
import { moneySchema } from '../money.js';
import { categoryIdSchema } from './product.http.js';

// The promotion service's REST payloads: promotions, cart quotes and coupons. Paths are the
// service's own; the gateway maps `/api/promotions...` to `/promotions...` and
// `/api/admin/coupons` to `/coupons`. Request bodies refuse unknown fields, so a misspelt
// `couponCode` is a 400 rather than a quote without the coupon. See docs/services/promotion.md.

/**
 * The largest fixed discount or cart threshold, in minor units (one million in major units). It
 * keeps every stored amount a 32-bit integer and every calculation exact.
 */
const MAX_AMOUNT = 100_000_000;

const positiveAmountSchema = moneySchema.extend({
  amount: z.number().int().min(1).max(MAX_AMOUNT),
});
const percentSchema = z.number().int().min(1).max(100);
const instantSchema = z.iso.datetime({ offset: true });

/** A coupon code: 3 to 32 letters, digits, `_` or `-`, case-insensitive (normalised upper-case). */
export const couponCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9_-]{3,32}$/, { message: 'must be 3 to 32 letters, digits, _ or -' });

/** What a promotion applies to: one product, every product of a category, or the whole cart. */
export const promotionScopeSchema = z.enum(['PRODUCT', 'CATEGORY', 'CART']);

/** Exactly one of `percentOff` and `amountOff`, reported on `percentOff` when violated. */
function requireExactlyOneDiscount(
  value: { percentOff?: number; amountOff?: unknown },
  ctx: z.RefinementCtx,
): void {
  if ((value.percentOff === undefined) === (value.amountOff === undefined)) {
    ctx.addIssue({
      code: 'custom',
      path: ['percentOff'],
      message: 'give exactly one of percentOff and amountOff',
    });
  }
}

/** `POST /promotions` (admin). */
export const createPromotionRequestSchema = z
  .strictObject({
    description: z.string().trim().min(1).max(200),
    scope: promotionScopeSchema,
    /** A product id (PRODUCT) or a category id (CATEGORY); absent for CART. */
    targetId: z.string().trim().min(1).max(100).optional(),
    percentOff: percentSchema.optional(),
    amountOff: positiveAmountSchema.optional(),
    /** CART only: the discounted subtotal from which the promotion applies. */
    minimumSubtotal: positiveAmountSchema.optional(),
    /** Defaults to now. */
    validFrom: instantSchema.optional(),
    /** Exclusive; open-ended when absent. */
    validUntil: instantSchema.optional(),
    active: z.boolean().default(true),
  })
  .superRefine((value, ctx) => {
    requireExactlyOneDiscount(value, ctx);
    const issue = (field: string, message: string) =>
      ctx.addIssue({ code: 'custom', path: [field], message });
    const { scope, targetId } = value;
    if (scope === 'CART' && targetId !== undefined) {
      issue('targetId', 'must be absent for a CART promotion');
    }
    if (scope !== 'CART' && targetId === undefined) {
      issue('targetId', `is required for a ${scope} promotion`);
    }
    if (scope === 'PRODUCT' && targetId && !z.uuid().safeParse(targetId).success) {
      issue('targetId', 'must be a product id (uuid)');
    }
    if (scope === 'CATEGORY' && targetId && !categoryIdSchema.safeParse(targetId).success) {
      issue('targetId', 'must be a category id: a lower-case slug such as home-kitchen');
    }
    if (scope !== 'CART' && value.minimumSubtotal) {
      issue('minimumSubtotal', 'applies to CART promotions only');
    }
    const { amountOff, minimumSubtotal } = value;
    if (amountOff && minimumSubtotal && amountOff.currency !== minimumSubtotal.currency) {
      issue('minimumSubtotal', 'must be in the currency of amountOff');
    }
    const { validFrom, validUntil } = value;
    if (validFrom && validUntil && Date.parse(validUntil) <= Date.parse(validFrom)) {
      issue('validUntil', 'must be after validFrom');
    }
  });

/** A promotion as the service shows it. Exactly one of `percentOff` and `amountOff` is set. */
export const promotionSchema = z.object({
  id: z.uuid(),
  description: z.string(),
  scope: promotionScopeSchema,
  /** Null for CART promotions. */
  targetId: z.string().nullable(),
  percentOff: percentSchema.nullable(),
  amountOff: moneySchema.nullable(),
  minimumSubtotal: moneySchema.nullable(),
  validFrom: instantSchema,
  validUntil: instantSchema.nullable(),
  active: z.boolean(),
});

/** `GET /promotions?productId=`. */
export const applicablePromotionsQuerySchema = z.object({ productId: z.uuid() });

/**
 * The promotions in effect now that can apply to the product: its own and its category's, then the
 * cart-wide ones (`scope: 'CART'`), which apply to a cart holding it.
 */
export const applicablePromotionsSchema = z.object({
  productId: z.uuid(),
  items: z.array(promotionSchema),
});

/** `POST /quotes`: price a cart at list prices the service knows, never prices sent by the caller. */
export const quoteRequestSchema = z.strictObject({
  /** Lets the quote refuse a coupon this customer has used up. */
  customerId: z.string().trim().min(1).max(100).optional(),
  lines: z
    .array(z.strictObject({ productId: z.uuid(), quantity: z.number().int().min(1).max(999) }))
    .min(1)
    .max(100)
    .refine((lines) => new Set(lines.map((line) => line.productId)).size === lines.length, {
      message: 'must name each product on one line only',
    }),
  couponCode: couponCodeSchema.optional(),
});

/** One discount taken off a line or off the cart. */
export const appliedDiscountSchema = z.object({
  promotionId: z.uuid(),
  description: z.string(),
  amount: moneySchema,
});

export const quoteLineSchema = z.object({
  productId: z.uuid(),
  quantity: z.number().int().positive(),
  unitPrice: moneySchema,
  /** `unitPrice` × `quantity`. */
  listTotal: moneySchema,
  discounts: z.array(appliedDiscountSchema),
  total: moneySchema,
});

/**
 * A priced cart. `subtotal` is the sum of the line totals; `cartDiscounts` apply to it, then the
 * coupon to what remains; `discountTotal` is every discount together, so `total` equals the sum of
 * the list totals minus `discountTotal`.
 */
export const quoteSchema = z.object({
  currency: z.string(),
  lines: z.array(quoteLineSchema),
  subtotal: moneySchema,
  cartDiscounts: z.array(appliedDiscountSchema),
  coupon: z.object({ code: z.string(), amount: moneySchema }).optional(),
  discountTotal: moneySchema,
  total: moneySchema,
});

/** `POST /coupons` (admin). */
export const createCouponRequestSchema = z
  .strictObject({
    code: couponCodeSchema,
    percentOff: percentSchema.optional(),
    amountOff: positiveAmountSchema.optional(),
    maxRedemptions: z.number().int().min(1).max(1_000_000_000),
    perCustomerLimit: z.number().int().min(1).max(1_000_000_000).optional(),
    /** Exclusive; the coupon never expires when absent. */
    validUntil: instantSchema.optional(),
  })
  .superRefine(requireExactlyOneDiscount);

/** A coupon as the service shows it. Exactly one of `percentOff` and `amountOff` is set. */
export const couponSchema = z.object({
  code: z.string(),
  percentOff: percentSchema.nullable(),
  amountOff: moneySchema.nullable(),
  maxRedemptions: z.number().int().positive(),
  perCustomerLimit: z.number().int().positive().nullable(),
  validUntil: instantSchema.nullable(),
  /** Redemptions currently held by orders (released ones are not counted). */
  redemptions: z.number().int().min(0),
});

/** `POST /coupons/:code/redemptions`, idempotent by `orderId`. */
export const redeemCouponRequestSchema = z.strictObject({
  orderId: z.uuid(),
  customerId: z.string().trim().min(1).max(100),
});

/** A coupon's redemption for one order, or the record that the order gave it back. */
export const couponRedemptionSchema = z.object({
  code: z.string(),
  orderId: z.uuid(),
  status: z.enum(['REDEEMED', 'RELEASED']),
});

export type ApplicablePromotions = z.output<typeof applicablePromotionsSchema>;
export type ApplicablePromotionsQuery = z.output<typeof applicablePromotionsQuerySchema>;
export type AppliedDiscount = z.output<typeof appliedDiscountSchema>;
export type Coupon = z.output<typeof couponSchema>;
export type CouponRedemption = z.output<typeof couponRedemptionSchema>;
export type CreateCouponRequest = z.output<typeof createCouponRequestSchema>;
export type CreatePromotionRequest = z.output<typeof createPromotionRequestSchema>;
export type Promotion = z.output<typeof promotionSchema>;
export type PromotionScope = z.output<typeof promotionScopeSchema>;
export type Quote = z.output<typeof quoteSchema>;
export type QuoteLine = z.output<typeof quoteLineSchema>;
export type QuoteRequest = z.output<typeof quoteRequestSchema>;
export type RedeemCouponRequest = z.output<typeof redeemCouponRequestSchema>;
