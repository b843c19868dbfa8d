/**
 * The codes a saga ends an order CANCELLED (or COMPENSATION_FAILED) with, as its
 * `cancellationReason`: stable, machine-readable, one per cause.
 */
export const SAGA_REASONS = {
  outOfStock: 'ORDER.OUT_OF_STOCK',
  unknownProduct: 'ORDER.UNKNOWN_PRODUCT',
  couponExhausted: 'ORDER.COUPON_EXHAUSTED',
  /** Any other refusal of the coupon (expired, customer limit, released). */
  couponRejected: 'ORDER.COUPON_REJECTED',
  /** An admin's fault switch made a participant refuse (demos and tests). */
  injectedFault: 'ORDER.INJECTED_FAULT',
  /** The pivot was not reached by the saga's deadline (a participant did not answer in time). */
  timeout: 'ORDER.SAGA_TIMEOUT',
  /** The customer cancelled the PENDING order. */
  cancelledByCustomer: 'ORDER.CANCELLED_BY_CUSTOMER',
} as const;
