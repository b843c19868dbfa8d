import { z } from 'zod';
import { defineEvent } from '../events/event-contract.js';
import { TOPICS } from '../topics.js';

// Commands from the order saga to the product service. A command asks (imperative name); the
// product service answers with a fact on `inventory.events` (StockReserved,
// StockReservationFailed, StockCommitted, StockReleased), keyed by the order id. Every command is
// idempotent per order: a redelivery gets the same answer again and changes nothing.

const commandLines = z
  .array(z.object({ productId: z.uuid(), quantity: z.number().int().positive() }))
  .min(1);

/** Set aside stock for every line of an order, all or nothing. */
export const ReserveStock = defineEvent({
  type: 'ReserveStock',
  version: 1,
  topic: TOPICS.inventoryCommands,
  payload: z.object({ orderId: z.uuid(), lines: commandLines }),
});

/** The order is confirmed: the reserved stock leaves for good. Only retried, never undone. */
export const CommitStock = defineEvent({
  type: 'CommitStock',
  version: 1,
  topic: TOPICS.inventoryCommands,
  payload: z.object({ orderId: z.uuid() }),
});

/**
 * Give an order's reservation back (compensation). Arriving before its ReserveStock, it leaves a
 * tombstone so that the late reserve is refused.
 */
export const ReleaseStock = defineEvent({
  type: 'ReleaseStock',
  version: 1,
  topic: TOPICS.inventoryCommands,
  payload: z.object({ orderId: z.uuid() }),
});
