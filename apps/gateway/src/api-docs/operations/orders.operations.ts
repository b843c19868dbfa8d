import { z } from 'zod';
import {
  idempotencyKeySchema,
  listOrdersQuerySchema,
  orderPageSchema,
  orderSagaSchema,
  orderSchema,
  placeOrderRequestSchema,
  placeOrderResponseSchema,
} from '#libs/contracts';
import type { PublicOperation } from '../public-operation.js';
import { EXAMPLE, orderExample } from './examples.js';

const orderIdParameter = { id: { schema: z.uuid(), description: 'The order id.' } };

/** What a customer sends: the gateway adds `customerId` from the token. */
const publicPlaceOrderSchema = placeOrderRequestSchema.omit({ customerId: true });

/** The public query of `GET /api/orders`: the customer comes from the token. */
const myOrdersQuerySchema = listOrdersQuerySchema.omit({ customerId: true });

export const orderOperations: PublicOperation[] = [
  {
    method: 'post',
    path: '/api/orders',
    tag: 'Orders',
    summary: 'Place an order',
    description:
      'Places an order for the signed-in customer. `Idempotency-Key` is required: a retry with the ' +
      'same key answers the first result (200, `Idempotent-Replayed: true`), never a second order.',
    access: 'customer',
    headers: [
      {
        name: 'Idempotency-Key',
        required: true,
        schema: idempotencyKeySchema,
        description: 'One unique key per order attempt, reused when retrying that attempt.',
      },
    ],
    body: {
      schema: { name: 'PlaceOrderRequest', schema: publicPlaceOrderSchema },
      example: { items: [{ productId: EXAMPLE.productId, quantity: 2 }], couponCode: 'SPRING10' },
    },
    responses: {
      202: {
        description: 'Accepted; follow its status with `GET /api/orders/{id}`.',
        schema: { name: 'PlaceOrderResponse', schema: placeOrderResponseSchema },
        example: { id: EXAMPLE.orderId, status: 'PENDING' },
      },
      200: {
        description: 'A replay of an earlier request with the same key: the first order.',
        schema: { name: 'PlaceOrderResponse', schema: placeOrderResponseSchema },
        example: { id: EXAMPLE.orderId, status: 'CONFIRMED' },
      },
    },
    errors: [400, 401, 403, 409, 422, 502, 504],
  },
  {
    method: 'get',
    path: '/api/orders',
    tag: 'Orders',
    summary: "The signed-in customer's orders",
    access: 'customer',
    query: myOrdersQuerySchema,
    responses: {
      200: {
        description: 'One page of orders, newest first.',
        schema: { name: 'OrderPage', schema: orderPageSchema },
        example: { items: [orderExample], total: 1, page: 1, pageSize: 20 },
      },
    },
    errors: [400, 401, 403],
  },
  {
    method: 'get',
    path: '/api/orders/{id}',
    tag: 'Orders',
    summary: 'One of my orders',
    description: "Another customer's order answers 404, exactly like a missing one.",
    access: 'customer',
    pathParameters: orderIdParameter,
    responses: {
      200: {
        description: 'The order.',
        schema: { name: 'Order', schema: orderSchema },
        example: orderExample,
      },
    },
    errors: [400, 401, 403, 404],
  },
  {
    method: 'get',
    path: '/api/orders/{id}/saga',
    tag: 'Orders',
    summary: "How one of my orders' placement went, step by step",
    description:
      'The saga timeline: every step that ran or was compensated, with its outcome, reason, ' +
      "attempt and time. Customers see their own orders' sagas, admins any order's.",
    access: 'customer',
    pathParameters: orderIdParameter,
    responses: {
      200: {
        description: 'Where the placement saga stands, and its steps, oldest first.',
        schema: { name: 'OrderSaga', schema: orderSagaSchema },
        example: {
          status: 'COMPLETED',
          steps: [
            { step: 'reserve-stock', kind: 'run', outcome: 'started', attempt: 1, at: EXAMPLE.at },
            {
              step: 'reserve-stock',
              kind: 'run',
              outcome: 'succeeded',
              attempt: 1,
              at: EXAMPLE.at,
            },
          ],
        },
      },
    },
    errors: [400, 401, 403, 404],
  },
  {
    method: 'post',
    path: '/api/orders/{id}/cancel',
    tag: 'Orders',
    summary: 'Cancel one of my PENDING orders',
    description:
      'Gives back whatever the placement holds (stock, coupon) and ends the order CANCELLED with ' +
      '`ORDER.CANCELLED_BY_CUSTOMER`; follow it with `GET /api/orders/{id}`. Cancelling again is ' +
      'harmless. 409 `ORDER.NOT_CANCELLABLE` once the order is confirmed, or being cancelled for ' +
      'another reason.',
    access: 'customer',
    pathParameters: orderIdParameter,
    responses: {
      202: {
        description: 'Cancelling; the order stays PENDING until everything is given back.',
        schema: { name: 'PlaceOrderResponse', schema: placeOrderResponseSchema },
        example: { id: EXAMPLE.orderId, status: 'PENDING' },
      },
    },
    errors: [400, 401, 403, 404, 409],
  },
];
