import { PromotionErrors } from '../../promotion.errors.js';
import type { Coupon } from '../coupon.js';

/**
 * Throws the reason `coupon` cannot be used at `now`, if there is one. Quotes and redemptions ask
 * the same question, so a quote never promises a coupon that redeeming would refuse (unless someone
 * else takes the last redemption in between). `customerRedemptions`, the redemptions this customer
 * holds, is checked only when the customer is known.
 */
export function assertCouponUsable(coupon: Coupon, now: Date, customerRedemptions?: number): void {
  if (coupon.validUntil !== null && now >= coupon.validUntil) {
    throw PromotionErrors.couponExpired(coupon.code);
  }
  if (coupon.activeRedemptions >= coupon.maxRedemptions) {
    throw PromotionErrors.couponExhausted(coupon.code);
  }
  if (
    customerRedemptions !== undefined &&
    coupon.perCustomerLimit !== null &&
    customerRedemptions >= coupon.perCustomerLimit
  ) {
    throw PromotionErrors.couponCustomerLimit(coupon.code);
  }
}
