import { randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { DataSource } from 'typeorm';
import { TOPICS } from '#libs/contracts';
import type { ServicePublicKey } from '#libs/service-identity';
import { createService } from '#libs/service-defaults';
import { isolatedDatabase } from '../../../test/support/isolated-database.js';
import { testServiceIdentity } from '../../../test/support/test-service-identity.js';
import { orderService } from '../src/order.service.js';
import { FakeService, type ReceivedCall, type Reply } from './fake-service.js';

export interface ApiResponse {
  status: number;
  headers: Headers;
  // Tests assert on shapes with `expect`, so the body stays loosely typed here, in one place.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
}

/** What a test usually sends to `POST /orders`. */
export interface PlaceOrderBody {
  customerId: string;
  items: { productId: string; quantity: number }[];
  couponCode?: string;
}

/** The order app as `npm start` runs it, with product and promotion played by fakes. */
export interface OrderTestApp {
  product: FakeService;
  promotion: FakeService;
  dataSource: DataSource;
  /** The order service's public key, as product and promotion hold it to verify its calls. */
  publicKey: ServicePublicKey;
  /** List prices the promotion fake quotes, in euro cents; unlisted products cost 10.00. */
  prices: Map<string, number>;
  placeOrder(body: unknown, idempotencyKey?: string | null): Promise<ApiResponse>;
  get(path: string): Promise<ApiResponse>;
  /** The events the order service wrote to its outbox for an order, oldest first. */
  eventsOf(orderId: string): Promise<{ type: string; payload: unknown }[]>;
  /** Makes both fakes answer like healthy services again. */
  answerNormally(): void;
  close(): Promise<void>;
}

/** Calls to another service time out this fast here, so "no answer" tests stay quick. */
export const TEST_DOWNSTREAM_TIMEOUT_MS = 1_000;

/**
 * Starts the order app on a fresh database and a random port. Its outbox relay publishes to the
 * real `order.events` topic on the test broker (created here if no other suite did).
 */
export async function startOrderApp(): Promise<OrderTestApp> {
  const brokers = process.env.KAFKA_BROKERS_TEST ?? '';
  await createOrderTopic(brokers);
  const [database, product, promotion] = await Promise.all([
    isolatedDatabase([]),
    FakeService.start('product'),
    FakeService.start('promotion'),
  ]);
  const prices = new Map<string, number>();
  const answerNormally = () => {
    answerLikeProduct(product);
    answerLikePromotion(promotion, prices);
  };
  answerNormally();

  const identity = testServiceIdentity('order');
  const { app } = await createService(orderService, {
    DATABASE_URL: database.url,
    KAFKA_BROKERS: brokers,
    LOG_LEVEL: 'fatal',
    PRODUCT_URL: product.url,
    PROMOTION_URL: promotion.url,
    DOWNSTREAM_TIMEOUT_MS: String(TEST_DOWNSTREAM_TIMEOUT_MS),
    ...identity.env,
  });
  await app.listen(0, '127.0.0.1');
  const baseUrl = await app.getUrl();
  const dataSource = app.get(DataSource);

  return {
    product,
    promotion,
    dataSource,
    publicKey: identity.appPublicKey,
    prices,
    answerNormally,
    placeOrder: async (body, idempotencyKey = randomUUID()) =>
      call(baseUrl, '/orders', {
        method: 'POST',
        headers: {
          ...(await identity.headers()),
          'content-type': 'application/json',
          ...(idempotencyKey === null ? {} : { 'idempotency-key': idempotencyKey }),
        },
        body: JSON.stringify(body),
      }),
    get: async (path) => call(baseUrl, path, { headers: await identity.headers() }),
    eventsOf: async (orderId) => {
      const rows: { envelope: { type: string; payload: unknown } }[] = await dataSource.query(
        'SELECT envelope FROM outbox_messages WHERE message_key = $1 ORDER BY id',
        [orderId],
      );
      return rows.map(({ envelope }) => ({ type: envelope.type, payload: envelope.payload }));
    },
    close: async () => {
      await app.close();
      await Promise.all([product.stop(), promotion.stop(), database.close()]);
    },
  };
}

async function call(baseUrl: string, path: string, init?: RequestInit): Promise<ApiResponse> {
  const response = await fetch(baseUrl + path, init);
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    body: text === '' ? undefined : JSON.parse(text),
  };
}

async function createOrderTopic(brokers: string): Promise<void> {
  // Quiet: when suites create the topic at the same moment, kafkajs logs the loser's harmless error.
  const kafka = new Kafka({
    clientId: 'order-test',
    brokers: brokers.split(','),
    logLevel: logLevel.NOTHING,
  });
  const admin = kafka.admin();
  await admin.connect();
  try {
    // Resolves false, without failing, when another suite created the topic first.
    await admin.createTopics({
      topics: [{ topic: TOPICS.orderEvents.name, numPartitions: TOPICS.orderEvents.partitions }],
      waitForLeaders: true,
    });
  } finally {
    await admin.disconnect();
  }
}

/** Money in euro cents, the fakes' currency. */
export const eur = (amount: number) => ({ amount, currency: 'EUR' });

/** Reserves, releases and commits whatever it is asked to, as a product service with ample stock. */
export function answerLikeProduct(product: FakeService): void {
  product
    .on('POST', '/stock-reservations', ({ body }: ReceivedCall) => ({
      status: 201,
      body: { orderId: body.orderId, status: 'RESERVED', lines: body.lines },
    }))
    .on('POST', '/stock-reservations/:orderId/release', ({ params }) => ({
      status: 200,
      body: { orderId: params.orderId, status: 'RELEASED', lines: [] },
    }))
    .on('POST', '/stock-reservations/:orderId/commit', ({ params }) => ({
      status: 200,
      body: { orderId: params.orderId, status: 'COMMITTED', lines: [] },
    }));
}

/**
 * Quotes list prices from `prices` with no promotions, and takes 10% (rounded down) off for any
 * coupon; redeems and releases any coupon.
 */
export function answerLikePromotion(promotion: FakeService, prices: Map<string, number>): void {
  promotion
    .on('POST', '/quotes', ({ body }) => quoteReply(body, prices))
    .on('POST', '/coupons/:code/redemptions', ({ params, body }) => ({
      status: 201,
      body: { code: params.code, orderId: body.orderId, status: 'REDEEMED' },
    }))
    .on('POST', '/coupons/:code/redemptions/:orderId/release', ({ params }) => ({
      status: 200,
      body: { code: params.code, orderId: params.orderId, status: 'RELEASED' },
    }));
}

/** The promotion fake's quote for a `POST /quotes` body. */
export function quoteReply(body: ReceivedCall['body'], prices: Map<string, number>): Reply {
  const lines = (body.lines as { productId: string; quantity: number }[]).map(
    ({ productId, quantity }) => {
      const unitPrice = prices.get(productId) ?? 1_000;
      const listTotal = eur(unitPrice * quantity);
      return {
        productId,
        quantity,
        unitPrice: eur(unitPrice),
        listTotal,
        discounts: [],
        total: listTotal,
      };
    },
  );
  const subtotal = lines.reduce((sum, line) => sum + line.total.amount, 0);
  const couponAmount = body.couponCode ? Math.floor(subtotal / 10) : 0;
  return {
    status: 200,
    body: {
      currency: 'EUR',
      lines,
      subtotal: eur(subtotal),
      cartDiscounts: [],
      ...(body.couponCode ? { coupon: { code: body.couponCode, amount: eur(couponAmount) } } : {}),
      discountTotal: eur(couponAmount),
      total: eur(subtotal - couponAmount),
    },
  };
}
