import { z } from 'zod';
import { moneySchema } from '../money.js';
import { couponCodeSchema } from './promotion.http.js';

/** Most lines one order may have, and most units of one product per line. */
export const ORDER_LIMITS = { maxItems: 50, maxQuantity: 100 } as const;

/** Largest page of `GET /orders`; a bigger `pageSize` is refused, never clamped. */
export const ORDER_PAGE_SIZE = { max: 100, default: 20 } as const;

/** The states an order moves through; see docs/services/order.md for the transitions. */
export const orderStatusSchema = z.enum([
  'PENDING',
  'CONFIRMED',
  'CANCELLED',
  'COMPENSATION_FAILED',
]);

/**
 * Who the order is for. Any non-empty string for now (the gateway will take it from the customer's
 * token), within what the promotion service accepts for coupon redemptions.
 */
export const orderCustomerIdSchema = z.string().trim().min(1).max(100);

/**
 * The `Idempotency-Key` header of `POST /orders`: the client's name for one placement attempt.
 * Keys are scoped to the customer.
 */
export const idempotencyKeySchema = z.string().min(1).max(100);

const orderItemSchema = z.object({
  productId: z.uuid(),
  quantity: z.number().int().min(1).max(ORDER_LIMITS.maxQuantity),
});

/** `POST /orders`: what to buy. Each product appears once; unknown fields are refused. */
export const placeOrderRequestSchema = z.strictObject({
  customerId: orderCustomerIdSchema,
  items: z
    .array(orderItemSchema)
    .min(1)
    .max(ORDER_LIMITS.maxItems)
    .superRefine((items, context) => {
      const seen = new Set<string>();
      items.forEach(({ productId }, index) => {
        if (seen.has(productId)) {
          context.addIssue({
            code: 'custom',
            path: [index, 'productId'],
            message: 'appears more than once; put the whole quantity on one line',
          });
        }
        seen.add(productId);
      });
    }),
  /** Normalised as the promotion service does (trimmed, upper-case). */
  couponCode: couponCodeSchema.optional(),
});

/** The answer to `POST /orders` (202, or 200 with `Idempotent-Replayed: true` for a replay). */
export const placeOrderResponseSchema = z.object({ id: z.uuid(), status: orderStatusSchema });

/** One line of an order, priced when the order was placed. */
export const orderLineSchema = z.object({
  productId: z.uuid(),
  quantity: z.number().int().positive(),
  unitPrice: moneySchema,
  /** `unitPrice` × `quantity`; discounts are listed on the order. */
  total: moneySchema,
});

/** A discount the price quote granted: on one line, on the whole cart, or the coupon's. */
export const orderDiscountSchema = z.object({
  description: z.string(),
  amount: moneySchema,
  /** The promotion that granted it; null for the coupon. */
  promotionId: z.uuid().nullable(),
  /** The line it was taken off; null for cart-wide discounts and the coupon. */
  productId: z.uuid().nullable(),
});

/** `GET /orders/:id`, and each item of `GET /orders`. */
export const orderSchema = z.object({
  id: z.uuid(),
  status: orderStatusSchema,
  customerId: orderCustomerIdSchema,
  lines: z.array(orderLineSchema).min(1),
  discounts: z.array(orderDiscountSchema),
  /** The sum of the line totals. */
  subtotal: moneySchema,
  /** The sum of the discounts. */
  discountTotal: moneySchema,
  /** `subtotal` − `discountTotal`: what the customer pays. */
  total: moneySchema,
  couponCode: z.string().nullable(),
  /** Machine-readable (e.g. `ORDER.OUT_OF_STOCK`) when the order was cancelled, else null. */
  cancellationReason: z.string().nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});

/** The `:id` path parameter of `GET /orders/:id`. */
export const orderIdSchema = z.uuid();

/** `GET /orders?customerId=&page=&pageSize=`: one customer's orders, newest first. */
export const listOrdersQuerySchema = z.object({
  customerId: orderCustomerIdSchema,
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce
    .number()
    .int()
    .min(1)
    .max(ORDER_PAGE_SIZE.max)
    .default(ORDER_PAGE_SIZE.default),
});

/** The answer to `GET /orders`. */
export const orderPageSchema = z.object({
  items: z.array(orderSchema),
  total: z.number().int().min(0),
  page: z.number().int().min(1),
  pageSize: z.number().int().min(1),
});

/** The steps of the placement saga, in the order they run; `confirm-order` is the pivot. */
export const sagaStepSchema = z.enum([
  'reserve-stock',
  'redeem-coupon',
  'confirm-order',
  'commit-stock',
  'release-coupon',
  'release-stock',
]);

/** One line of a saga's timeline: what happened to which step, when, and why. */
export const sagaStepRecordSchema = z.object({
  step: sagaStepSchema,
  /** `run` for the steps that place the order, `compensate` for those that give back. */
  kind: z.enum(['run', 'compensate']),
  outcome: z.enum([
    'started',
    'succeeded',
    'failed',
    'retried',
    'timed-out',
    'cancelled',
    'parked',
  ]),
  /** The order code behind a failure, timeout, cancel or compensation (`ORDER.OUT_OF_STOCK`). */
  reason: z.string().optional(),
  /** Which send of the step's command this was (1 for the first). */
  attempt: z.number().int().min(1),
  at: z.iso.datetime(),
});

/** `GET /orders/:id/saga`: where the order's placement saga stands, and its timeline. */
export const orderSagaSchema = z.object({
  status: z.enum([
    'RUNNING',
    'COMMITTING',
    'COMPENSATING',
    'COMPENSATION_FAILED',
    'COMPLETED',
    'CANCELLED',
  ]),
  steps: z.array(sagaStepRecordSchema),
});

export type OrderStatus = z.output<typeof orderStatusSchema>;
export type PlaceOrderRequest = z.output<typeof placeOrderRequestSchema>;
export type PlaceOrderResponse = z.output<typeof placeOrderResponseSchema>;
export type OrderLineView = z.output<typeof orderLineSchema>;
export type OrderDiscountView = z.output<typeof orderDiscountSchema>;
export type OrderView = z.output<typeof orderSchema>;
export type ListOrdersQuery = z.output<typeof listOrdersQuerySchema>;
export type OrderPage = z.output<typeof orderPageSchema>;
export type SagaStepRecord = z.output<typeof sagaStepRecordSchema>;
export type OrderSaga = z.output<typeof orderSagaSchema>;
