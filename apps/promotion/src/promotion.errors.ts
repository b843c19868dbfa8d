import { DomainError } from '#libs/domain-errors';

/**
 * Every expected failure of the promotion service, in one place, so its codes stay stable and
 * documented (docs/services/promotion.md). A code keeps its meaning everywhere; only "unknown"
 * differs by context: 404 when the thing is the resource being read, 422 when a request refers
 * to it.
 */
export const PromotionErrors = {
  productNotFound: (productId: string) =>
    new DomainError(
      'PROMOTION.UNKNOWN_PRODUCT',
      'not-found',
      `product ${productId} is not known to pricing (yet)`,
    ),

  unknownProducts: (productIds: string[]) =>
    new DomainError(
      'PROMOTION.UNKNOWN_PRODUCT',
      'rule-violated',
      `cannot price products not known to pricing (yet): ${productIds.join(', ')}`,
    ),

  mixedCurrencies: (currencies: string[]) =>
    new DomainError(
      'PROMOTION.MIXED_CURRENCIES',
      'rule-violated',
      `a cart is priced in one currency, these lines use ${currencies.join(', ')}`,
    ),

  promotionNotFound: (promotionId: string) =>
    new DomainError('PROMOTION.UNKNOWN_PROMOTION', 'not-found', `no promotion ${promotionId}`),

  emptyValidityWindow: () =>
    new DomainError(
      'PROMOTION.EMPTY_VALIDITY_WINDOW',
      'rule-violated',
      'validUntil must be after validFrom (which is now when not given)',
    ),

  couponNotFound: (code: string) =>
    new DomainError('PROMOTION.COUPON_UNKNOWN', 'not-found', `no coupon ${code}`),

  unknownCoupon: (code: string) =>
    new DomainError('PROMOTION.COUPON_UNKNOWN', 'rule-violated', `no coupon ${code}`),

  couponCodeTaken: (code: string) =>
    new DomainError('PROMOTION.COUPON_CODE_TAKEN', 'conflict', `coupon ${code} already exists`),

  couponExpired: (code: string) =>
    new DomainError('PROMOTION.COUPON_EXPIRED', 'rule-violated', `coupon ${code} has expired`),

  couponExhausted: (code: string) =>
    new DomainError(
      'PROMOTION.COUPON_EXHAUSTED',
      'conflict',
      `coupon ${code} has no redemptions left`,
    ),

  couponCustomerLimit: (code: string) =>
    new DomainError(
      'PROMOTION.COUPON_CUSTOMER_LIMIT',
      'conflict',
      `this customer has used coupon ${code} as often as it allows`,
    ),

  couponCurrencyMismatch: (code: string, couponCurrency: string, cartCurrency: string) =>
    new DomainError(
      'PROMOTION.COUPON_CURRENCY_MISMATCH',
      'rule-violated',
      `coupon ${code} takes off ${couponCurrency}, the cart is priced in ${cartCurrency}`,
    ),

  redemptionReleased: (code: string, orderId: string) =>
    new DomainError(
      'PROMOTION.REDEMPTION_RELEASED',
      'conflict',
      `coupon ${code} was released for order ${orderId}; the order cannot redeem it again`,
    ),
};
