import { randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { DataSource } from 'typeorm';
import { TOPICS, type TopicContract } from '#libs/contracts';
import type { ServicePublicKey } from '#libs/service-identity';
import { createService } from '#libs/service-defaults';
import { isolatedDatabase } from '../../../test/support/isolated-database.js';
import { eventually } from '../../../test/support/poll.js';
import { testServiceIdentity } from '../../../test/support/test-service-identity.js';
import { orderService } from '../src/order.service.js';
import { FakeParticipants } from './fake-participants.js';
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

/**
 * The order app as `npm start` runs it, with promotion's quotes played by an HTTP fake and
 * product's and promotion's saga replies by fakes on the real broker.
 */
export interface OrderTestApp {
  promotion: FakeService;
  participants: FakeParticipants;
  /** Where the app listens, e.g. `http://127.0.0.1:40123`. */
  baseUrl: string;
  dataSource: DataSource;
  /** The order service's public key, as product and promotion hold it to verify its calls. */
  publicKey: ServicePublicKey;
  /** List prices the promotion fake quotes, in euro cents; unlisted products cost 10.00. */
  prices: Map<string, number>;
  placeOrder(body: unknown, idempotencyKey?: string | null): Promise<ApiResponse>;
  get(path: string): Promise<ApiResponse>;
  /** A signed POST without a body (cancel, admin retry). */
  post(path: string): Promise<ApiResponse>;
  /** Waits until the order has this status; answers the order. */
  orderBecomes(orderId: string, status: string, timeoutMs?: number): Promise<ApiResponse['body']>;
  /** The events the order service wrote to its outbox for an order, oldest first. */
  eventsOf(orderId: string): Promise<{ type: string; payload: unknown }[]>;
  /** Makes the quote fake answer like a healthy promotion service again. */
  answerNormally(): void;
  close(): Promise<void>;
}

/** Calls to another service time out this fast here, so "no answer" tests stay quick. */
export const TEST_DOWNSTREAM_TIMEOUT_MS = 1_000;

/** Saga timing here: short, so timeouts and parking happen within a test. */
export const TEST_SAGA_TIMING = {
  SAGA_STEP_TIMEOUT_MS: 500,
  SAGA_DEADLINE_MS: 2_000,
  SAGA_SWEEP_INTERVAL_MS: 100,
  SAGA_COMPENSATION_MAX_ATTEMPTS: 3,
};

/** The topics the order app writes and reads. */
const ORDER_TOPICS: TopicContract[] = [
  TOPICS.orderEvents,
  TOPICS.inventoryCommands,
  TOPICS.promotionCommands,
  TOPICS.inventoryEvents,
  TOPICS.promotionEvents,
  TOPICS.deadLetters,
];

/**
 * Starts the order app on a fresh database and a random port, with a saga consumer group of its
 * own. Its outbox relay publishes to the real topics on the test broker (created here if no other
 * suite did), where the fake participants answer its commands.
 */
export async function startOrderApp(env: Record<string, string> = {}): Promise<OrderTestApp> {
  const brokers = process.env.KAFKA_BROKERS_TEST ?? '';
  await createTopics(brokers);
  const [database, promotion, participants] = await Promise.all([
    isolatedDatabase([]),
    FakeService.start('promotion'),
    FakeParticipants.start(brokers),
  ]);
  const prices = new Map<string, number>();
  const answerNormally = () => answerLikePromotion(promotion, prices);
  answerNormally();

  const identity = testServiceIdentity('order');
  const { app } = await createService(orderService, {
    DATABASE_URL: database.url,
    KAFKA_BROKERS: brokers,
    LOG_LEVEL: 'fatal',
    PROMOTION_URL: promotion.url,
    DOWNSTREAM_TIMEOUT_MS: String(TEST_DOWNSTREAM_TIMEOUT_MS),
    ...Object.fromEntries(Object.entries(TEST_SAGA_TIMING).map(([k, v]) => [k, String(v)])),
    SAGA_CONSUMER_GROUP: `order.saga.test-${randomUUID()}`,
    ...identity.env,
    ...env,
  });
  await app.listen(0, '127.0.0.1');
  const baseUrl = await app.getUrl();
  const dataSource = app.get(DataSource);

  return {
    promotion,
    participants,
    baseUrl,
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
    post: async (path) =>
      call(baseUrl, path, { method: 'POST', headers: await identity.headers() }),
    orderBecomes: async (orderId, status, timeoutMs = 15_000) => {
      let last: ApiResponse['body'];
      await eventually(
        `order ${orderId} is ${status}`,
        async () => {
          last = (await call(baseUrl, `/orders/${orderId}`, { headers: await identity.headers() }))
            .body;
          return last?.status === status;
        },
        timeoutMs,
      ).catch((error: Error) => {
        throw new Error(`${error.message}; last seen: ${JSON.stringify(last)}`);
      });
      return last;
    },
    eventsOf: async (orderId) => {
      const rows: { envelope: { type: string; payload: unknown } }[] = await dataSource.query(
        'SELECT envelope FROM outbox_messages WHERE message_key = $1 ORDER BY id',
        [orderId],
      );
      return rows.map(({ envelope }) => ({ type: envelope.type, payload: envelope.payload }));
    },
    close: async () => {
      await app.close();
      await Promise.all([promotion.stop(), participants.stop(), database.close()]);
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

async function createTopics(brokers: string): Promise<void> {
  // Quiet: when suites create the topic at the same moment, kafkajs logs the loser's harmless error.
  const kafka = new Kafka({
    clientId: 'order-test',
    brokers: brokers.split(','),
    logLevel: logLevel.NOTHING,
  });
  const admin = kafka.admin();
  await admin.connect();
  try {
    // Resolves false, without failing, when another suite created the topics first.
    const existing = new Set(await admin.listTopics());
    await admin.createTopics({
      topics: ORDER_TOPICS.filter(({ name }) => !existing.has(name)).map((topic) => ({
        topic: topic.name,
        numPartitions: topic.partitions,
      })),
      waitForLeaders: true,
    });
  } finally {
    await admin.disconnect();
  }
}

/** Money in euro cents, the fakes' currency. */
export const eur = (amount: number) => ({ amount, currency: 'EUR' });

/** Quotes list prices from `prices` with no promotions, and takes 10% (rounded down) off for any coupon. */
export function answerLikePromotion(promotion: FakeService, prices: Map<string, number>): void {
  promotion.on('POST', '/quotes', ({ body }) => quoteReply(body, prices));
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
