import { z } from 'zod';
import { defineEvent } from '../events/event-contract.js';
import { TOPICS } from '../topics.js';

// Commands from the order saga to the promotion service, answered with a fact on
// `promotion.events` (CouponRedeemed, CouponRedemptionRefused, CouponReleased). Idempotent per
// order, like the inventory commands.

/** Redeem a coupon for an order (at most once per order). */
export const RedeemCoupon = defineEvent({
  type: 'RedeemCoupon',
  version: 1,
  topic: TOPICS.promotionCommands,
  payload: z.object({ orderId: z.uuid(), customerId: z.string(), couponCode: z.string() }),
});

/**
 * Give an order's coupon redemption back (compensation). Arriving before its RedeemCoupon, it
 * leaves a tombstone so that the late redemption is refused.
 */
export const ReleaseCoupon = defineEvent({
  type: 'ReleaseCoupon',
  version: 1,
  topic: TOPICS.promotionCommands,
  payload: z.object({ orderId: z.uuid(), couponCode: z.string() }),
});
