import { z } from 'zod';
import type { ServiceOperation } from '#libs/api-docs';
import {
  idempotencyKeySchema,
  listOrdersQuerySchema,
  orderPageSchema,
  orderSagaSchema,
  orderSchema,
  placeOrderRequestSchema,
  placeOrderResponseSchema,
} from '#libs/contracts';

const placed = { name: 'PlaceOrderResponse', schema: placeOrderResponseSchema };
const byId = { id: { schema: z.uuid(), description: 'The order id.' } };

/**
 * Every route of the order service. The gateway scopes the customer's routes to the signed-in
 * customer and lets admins alone retry a parked saga.
 */
export const ORDER_API: ServiceOperation[] = [
  {
    method: 'post',
    path: '/orders',
    tag: 'Orders',
    summary: 'Place an order for a customer (one order per customer and Idempotency-Key)',
    access: 'service',
    headers: [
      {
        name: 'Idempotency-Key',
        required: true,
        schema: idempotencyKeySchema,
        description: 'One key per order attempt; a retry with it answers the first result.',
      },
    ],
    body: { schema: { name: 'PlaceOrderRequest', schema: placeOrderRequestSchema } },
    responses: {
      202: { description: 'Accepted.', schema: placed },
      200: { description: 'A replay (`Idempotent-Replayed: true`).', schema: placed },
    },
    errors: [400, 409, 422, 503],
  },
  {
    method: 'get',
    path: '/orders',
    tag: 'Orders',
    summary: "One page of a customer's orders, newest first",
    access: 'service',
    query: listOrdersQuerySchema,
    responses: {
      200: { description: 'Orders.', schema: { name: 'OrderPage', schema: orderPageSchema } },
    },
    errors: [400],
  },
  {
    method: 'get',
    path: '/orders/{id}',
    tag: 'Orders',
    summary: 'One order',
    access: 'service',
    pathParameters: { id: { schema: z.uuid(), description: 'The order id.' } },
    responses: {
      200: { description: 'The order.', schema: { name: 'Order', schema: orderSchema } },
    },
    errors: [400, 404],
  },
  {
    method: 'get',
    path: '/orders/{id}/saga',
    tag: 'Placement saga',
    summary: "How an order's placement went, step by step",
    access: 'service',
    pathParameters: byId,
    responses: {
      200: {
        description: 'The saga state and its timeline.',
        schema: { name: 'OrderSaga', schema: orderSagaSchema },
      },
    },
    errors: [400, 404],
  },
  {
    method: 'post',
    path: '/orders/{id}/cancel',
    tag: 'Placement saga',
    summary: 'Cancel a PENDING order (its saga compensates)',
    access: 'service',
    pathParameters: byId,
    responses: { 202: { description: 'Cancelling.', schema: placed } },
    errors: [400, 404, 409],
  },
  {
    method: 'post',
    path: '/admin/orders/{id}/saga/retry',
    tag: 'Placement saga',
    summary: 'Retry the compensation of a parked saga (COMPENSATION_FAILED); the gateway only',
    access: 'service',
    pathParameters: byId,
    responses: { 202: { description: 'Compensating again.' } },
    errors: [400, 403, 404, 409],
  },
];
