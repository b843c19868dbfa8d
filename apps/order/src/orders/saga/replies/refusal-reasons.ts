import type { PayloadOf, StockReservationFailed } from '#libs/contracts';
import { SAGA_REASONS } from '../domain/saga-reasons.js';

type StockFailure = PayloadOf<typeof StockReservationFailed>['reason'];

const STOCK_REASONS: Record<StockFailure, string> = {
  OUT_OF_STOCK: SAGA_REASONS.outOfStock,
  UNKNOWN_PRODUCT: SAGA_REASONS.unknownProduct,
  // The release got there first: only a saga that already gave up (and so ignores this) asked for it.
  RELEASED: SAGA_REASONS.timeout,
  INJECTED_FAULT: SAGA_REASONS.injectedFault,
};

/** The order code for product's refusal to reserve. */
export function stockRefusalReason(reason: StockFailure): string {
  return STOCK_REASONS[reason];
}

/** The order code for promotion's refusal to redeem (`PROMOTION.COUPON_EXHAUSTED`, ...). */
export function couponRefusalReason(promotionCode: string): string {
  if (promotionCode === 'PROMOTION.COUPON_EXHAUSTED') return SAGA_REASONS.couponExhausted;
  if (promotionCode === 'PROMOTION.INJECTED_FAULT') return SAGA_REASONS.injectedFault;
  return SAGA_REASONS.couponRejected;
}
