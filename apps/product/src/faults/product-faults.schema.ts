import { z } from 'zod';
import { faultTriggerSchema } from '#libs/fault-injection';
import { promotionFloodSchema } from '../promotion-flood/promotion-flood.schema.js';

/**
 * The faults an admin can switch on in the product service (`PUT /api/admin/faults/product`,
 * docs/fault-injection.md). Every key is optional; an absent key means "behave normally".
 */
export const productFaultsSchema = z.strictObject({
  // The saga's ReserveStock command: `fail` answers StockReservationFailed (INJECTED_FAULT)
  // without touching stock, `no-reply` handles nothing and answers nothing, so the orchestrator's
  // deadline fires. Release and commit are never faulted: compensations must stay reliable.
  reserveStock: faultTriggerSchema(['fail', 'no-reply']).optional(),
  // Calls promotion in a tight loop as product itself: the runaway caller that promotion's
  // per-caller quotas contain (docs/rate-limiting.md).
  promotionFlood: promotionFloodSchema.optional(),
});

export type ProductFaults = z.output<typeof productFaultsSchema>;
