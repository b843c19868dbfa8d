import { z } from 'zod';
import { TOPICS } from '../topics.js';
import { defineEvent } from './event-contract.js';

/** A coupon was redeemed for an order. */
export const CouponRedeemed = defineEvent({
  type: 'CouponRedeemed',
  version: 1,
  topic: TOPICS.promotionEvents,
  payload: z.object({ couponCode: z.string(), orderId: z.uuid(), customerId: z.string() }),
});

/**
 * A coupon could not be redeemed for an order; `reason` is the stable business code
 * (e.g. `PROMOTION.COUPON_EXHAUSTED`, `PROMOTION.REDEMPTION_RELEASED` for a redemption that
 * arrived after its release, `PROMOTION.INJECTED_FAULT` from an admin's fault switch).
 */
export const CouponRedemptionRefused = defineEvent({
  type: 'CouponRedemptionRefused',
  version: 1,
  topic: TOPICS.promotionEvents,
  payload: z.object({ couponCode: z.string(), orderId: z.uuid(), reason: z.string() }),
});

/** A coupon redemption was given back (its order did not go through). */
export const CouponReleased = defineEvent({
  type: 'CouponReleased',
  version: 1,
  topic: TOPICS.promotionEvents,
  payload: z.object({ couponCode: z.string(), orderId: z.uuid() }),
});

/** A promotion was created, changed or ended. */
export const PromotionChanged = defineEvent({
  type: 'PromotionChanged',
  version: 1,
  topic: TOPICS.promotionEvents,
  payload: z.object({
    promotionId: z.uuid(),
    active: z.boolean(),
    scope: z.enum(['PRODUCT', 'CATEGORY', 'CART']),
    targetId: z.string().nullable(),
  }),
});
