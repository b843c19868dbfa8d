import { z } from 'zod';
import { faultTriggerSchema } from '#libs/fault-injection';

/**
 * The faults an admin can switch on in the promotion service (`PUT /api/admin/faults/promotion`,
 * docs/fault-injection.md). Every key is optional; an absent key means "behave normally".
 */
export const promotionFaultsSchema = z.strictObject({
  // The saga's RedeemCoupon command: `fail` refuses the redemption (PROMOTION.INJECTED_FAULT)
  // without touching the coupon, `no-reply` handles nothing and answers nothing, so the
  // orchestrator's deadline fires. ReleaseCoupon is never faulted: compensations must stay reliable.
  redeemCoupon: faultTriggerSchema(['fail', 'no-reply']).optional(),
});

export type PromotionFaults = z.output<typeof promotionFaultsSchema>;
