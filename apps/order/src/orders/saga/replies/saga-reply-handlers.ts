import { AdvanceSagaWhenCouponRedeemed } from './advance-saga-when-coupon-redeemed.handler.js';
import { AdvanceSagaWhenStockReserved } from './advance-saga-when-stock-reserved.handler.js';
import { CompensateWhenCouponRedemptionRefused } from './compensate-when-coupon-redemption-refused.handler.js';
import { CompensateWhenStockReservationFailed } from './compensate-when-stock-reservation-failed.handler.js';
import { ContinueCompensationWhenCouponReleased } from './continue-compensation-when-coupon-released.handler.js';
import { ContinueCompensationWhenStockReleased } from './continue-compensation-when-stock-released.handler.js';
import { FinishSagaWhenStockCommitted } from './finish-saga-when-stock-committed.handler.js';

/** Every participant reply the saga consumes, on `inventory.events` and `promotion.events`. */
export const SAGA_REPLY_HANDLERS = [
  AdvanceSagaWhenStockReserved,
  CompensateWhenStockReservationFailed,
  AdvanceSagaWhenCouponRedeemed,
  CompensateWhenCouponRedemptionRefused,
  FinishSagaWhenStockCommitted,
  ContinueCompensationWhenCouponReleased,
  ContinueCompensationWhenStockReleased,
];
