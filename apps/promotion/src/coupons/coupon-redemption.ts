/**
 * One order's use of a coupon. RELEASED is final: the order gave the coupon back (or gave it up
 * before its redemption arrived, a tombstone with no customer), and cannot redeem it again.
 */
export interface CouponRedemption {
  readonly code: string;
  readonly orderId: string;
  /** Null for a tombstone. */
  readonly customerId: string | null;
  readonly status: 'REDEEMED' | 'RELEASED';
}
