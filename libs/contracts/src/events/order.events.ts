import { z } from 'zod';
import { moneySchema } from '../money.js';
import { TOPICS } from '../topics.js';
import { defineEvent } from './event-contract.js';

const orderLine = z.object({
  productId: z.uuid(),
  quantity: z.number().int().positive(),
  unitPrice: moneySchema,
});

/** A customer placed an order (its prices captured from the quote). */
export const OrderPlaced = defineEvent({
  type: 'OrderPlaced',
  version: 1,
  topic: TOPICS.orderEvents,
  payload: z.object({
    orderId: z.uuid(),
    customerId: z.string(),
    lines: z.array(orderLine).min(1),
    total: moneySchema,
    couponCode: z.string().nullable(),
  }),
});

/** An order was confirmed: stock is committed and the customer will be charged. */
export const OrderConfirmed = defineEvent({
  type: 'OrderConfirmed',
  version: 1,
  topic: TOPICS.orderEvents,
  payload: z.object({
    orderId: z.uuid(),
    customerId: z.string(),
    lines: z.array(orderLine).min(1),
    total: moneySchema,
  }),
});

/** An order was cancelled; `reason` is machine-readable (e.g. `ORDER.OUT_OF_STOCK`). */
export const OrderCancelled = defineEvent({
  type: 'OrderCancelled',
  version: 1,
  topic: TOPICS.orderEvents,
  payload: z.object({ orderId: z.uuid(), customerId: z.string(), reason: z.string() }),
});
