import { z } from 'zod';
import { TOPICS } from '../topics.js';
import { defineEvent } from './event-contract.js';

const reservedLines = z.array(
  z.object({ productId: z.uuid(), quantity: z.number().int().positive() }),
);

/** Stock for every line of an order was set aside. */
export const StockReserved = defineEvent({
  type: 'StockReserved',
  version: 1,
  topic: TOPICS.inventoryEvents,
  payload: z.object({ orderId: z.uuid(), lines: reservedLines }),
});

/**
 * Stock for an order could not be reserved; nothing was set aside. `RELEASED`: the order's release
 * arrived first (a late reserve after a saga timeout), so the reservation is refused for good.
 * `INJECTED_FAULT`: an admin's fault switch refused it (demos and tests, docs/fault-injection.md).
 */
export const StockReservationFailed = defineEvent({
  type: 'StockReservationFailed',
  version: 1,
  topic: TOPICS.inventoryEvents,
  payload: z.object({
    orderId: z.uuid(),
    reason: z.enum(['OUT_OF_STOCK', 'UNKNOWN_PRODUCT', 'RELEASED', 'INJECTED_FAULT']),
    productIds: z.array(z.uuid()),
  }),
});

/** An order's reservation was given back to available stock. */
export const StockReleased = defineEvent({
  type: 'StockReleased',
  version: 1,
  topic: TOPICS.inventoryEvents,
  payload: z.object({ orderId: z.uuid(), lines: reservedLines }),
});

/** An order's reserved stock left the warehouse for good (the order was confirmed). */
export const StockCommitted = defineEvent({
  type: 'StockCommitted',
  version: 1,
  topic: TOPICS.inventoryEvents,
  payload: z.object({ orderId: z.uuid(), lines: reservedLines }),
});
