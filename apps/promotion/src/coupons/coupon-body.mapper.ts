import type {
  Coupon as CouponBody,
  CouponRedemption as CouponRedemptionBody,
} from '#libs/contracts';
import { fieldsFromDiscount } from '../pricing/discount-fields.js';
import type { Coupon } from './coupon.js';
import type { CouponRedemption } from './coupon-redemption.js';

/** A stored coupon as the API shows it. */
export function toCouponBody(coupon: Coupon): CouponBody {
  return {
    code: coupon.code,
    ...fieldsFromDiscount(coupon.discount),
    maxRedemptions: coupon.maxRedemptions,
    perCustomerLimit: coupon.perCustomerLimit,
    validUntil: coupon.validUntil?.toISOString() ?? null,
    redemptions: coupon.activeRedemptions,
  };
}

/** A redemption as the API shows it: which order holds (or gave back) which coupon. */
export function toRedemptionBody({
  code,
  orderId,
  status,
}: CouponRedemption): CouponRedemptionBody {
  return { code, orderId, status };
}
