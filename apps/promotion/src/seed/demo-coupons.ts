import type { Coupon } from '../coupons/coupon.js';

/** The demo's coupons, one for each answer the redemption API can give. */
export const DEMO_COUPONS: readonly Coupon[] = [
  {
    // Once per customer: a second order by the same customer gets COUPON_CUSTOMER_LIMIT.
    code: 'WELCOME10',
    discount: { kind: 'percent', percent: 10 },
    maxRedemptions: 1_000_000,
    perCustomerLimit: 1,
    validUntil: null,
    activeRedemptions: 0,
  },
  {
    code: 'SAVE5',
    discount: { kind: 'fixed', amount: { amount: 500, currency: 'EUR' } },
    maxRedemptions: 100_000,
    perCustomerLimit: null,
    validUntil: null,
    activeRedemptions: 0,
  },
  {
    // One redemption in all: two orders racing for it show that exactly one wins.
    code: 'LIMITED1',
    discount: { kind: 'percent', percent: 20 },
    maxRedemptions: 1,
    perCustomerLimit: null,
    validUntil: null,
    activeRedemptions: 0,
  },
  {
    // COUPON_EXPIRED, in quotes and redemptions alike.
    code: 'EXPIRED15',
    discount: { kind: 'percent', percent: 15 },
    maxRedemptions: 1_000,
    perCustomerLimit: null,
    validUntil: new Date('2025-01-01T00:00:00Z'),
    activeRedemptions: 0,
  },
];
