import type { Discount } from '../pricing/domain/discount.js';

/** A coupon as stored: its code is upper-case, its redemptions counted as orders hold them. */
export interface Coupon {
  readonly code: string;
  readonly discount: Discount;
  readonly maxRedemptions: number;
  /** Redemptions one customer may hold at once; null when unlimited. */
  readonly perCustomerLimit: number | null;
  /** Exclusive; null when the coupon never expires. */
  readonly validUntil: Date | null;
  /** Redemptions held by orders now; a release gives one back. */
  readonly activeRedemptions: number;
}
