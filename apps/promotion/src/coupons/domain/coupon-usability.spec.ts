import type { Coupon } from '../coupon.js';
import { assertCouponUsable } from './coupon-usability.js';

const NOW = new Date('2026-06-01T12:00:00Z');

function coupon(overrides: Partial<Coupon> = {}): Coupon {
  return {
    code: 'WELCOME10',
    discount: { kind: 'percent', percent: 10 },
    maxRedemptions: 3,
    perCustomerLimit: 1,
    validUntil: null,
    activeRedemptions: 0,
    ...overrides,
  };
}

const codeOf = (act: () => void): string | undefined => {
  try {
    act();
    return undefined;
  } catch (error) {
    return (error as { code?: string }).code;
  }
};

describe('assertCouponUsable', () => {
  it('accepts a coupon with redemptions left, before its expiry', () => {
    const usable = coupon({ validUntil: new Date('2026-06-01T12:00:01Z'), activeRedemptions: 2 });
    expect(codeOf(() => assertCouponUsable(usable, NOW, 0))).toBeUndefined();
  });

  it('refuses a coupon from the instant it expires', () => {
    const expired = coupon({ validUntil: NOW });
    expect(codeOf(() => assertCouponUsable(expired, NOW))).toBe('PROMOTION.COUPON_EXPIRED');
  });

  it('refuses a coupon whose redemptions are all held', () => {
    const exhausted = coupon({ activeRedemptions: 3 });
    expect(codeOf(() => assertCouponUsable(exhausted, NOW))).toBe('PROMOTION.COUPON_EXHAUSTED');
  });

  it('refuses a customer who holds as many redemptions as the coupon allows one customer', () => {
    expect(codeOf(() => assertCouponUsable(coupon(), NOW, 1))).toBe(
      'PROMOTION.COUPON_CUSTOMER_LIMIT',
    );
  });

  it('does not limit customers when the coupon has no per-customer limit', () => {
    const unlimited = coupon({ perCustomerLimit: null });
    expect(codeOf(() => assertCouponUsable(unlimited, NOW, 2))).toBeUndefined();
  });

  it('skips the per-customer check when the customer is not known', () => {
    expect(codeOf(() => assertCouponUsable(coupon(), NOW))).toBeUndefined();
  });

  it('reports expiry before exhaustion', () => {
    const both = coupon({ validUntil: NOW, activeRedemptions: 3 });
    expect(codeOf(() => assertCouponUsable(both, NOW))).toBe('PROMOTION.COUPON_EXPIRED');
  });
});
