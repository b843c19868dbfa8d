import { Kafka, logLevel } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { type Money, TOPICS } from '#libs/contracts';
import { testServiceIdentity } from '../../../test/support/test-service-identity.js';

export interface ApiResponse {
  status: number;
  contentType: string | null;
  // Tests assert on shapes with `expect`, so the body stays loosely typed here, in one place.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
}

/** The promotion app on a random port, as `npm start` runs it, and a small JSON client for it. */
export interface PromotionTestApp {
  dataSource: DataSource;
  get(path: string): Promise<ApiResponse>;
  post(path: string, body?: unknown): Promise<ApiResponse>;
  /**
   * Puts a product into the price projection, as its ProductCreated event would (the catalog
   * suite proves the events themselves do): a fresh product id in a fresh category, unless given.
   */
  knowProduct(product?: {
    productId?: string;
    categoryId?: string;
    price?: Money;
  }): Promise<{ productId: string; categoryId: string }>;
  /** One of the app's providers, e.g. to run a start-up hook again. */
  provider<T>(type: new (...args: never[]) => T): T;
  /** The events the app has written to its outbox, oldest first. */
  outbox(type: string, key: string): Promise<{ payload: Record<string, unknown> }[]>;
  close(): Promise<void>;
}

/**
 * Starts the very app `runService` starts (migrations, demo seed, catalog consumer; the outbox
 * relay off) on the given database and the test broker. The consumer group is the suite's own, so suites
 * running side by side do not split the product topic's partitions between them.
 */
export async function startPromotionApp(databaseUrl: string): Promise<PromotionTestApp> {
  // Jest's ES module loader refuses a CommonJS package (@willsoto/nestjs-prometheus) that
  // require()s @nestjs/common while @nestjs/common is still loading in the same import graph (Node
  // itself copes). Loading @nestjs/common on its own first, then the app, sidesteps that.
  await import('@nestjs/common');
  const { createService } = await import('#libs/service-defaults');
  const { promotionService } = await import('../src/promotion.service.js');
  const { CatalogRepository } = await import('../src/catalog/catalog.repository.js');

  const brokers = process.env.KAFKA_BROKERS_TEST ?? '';
  await createTopics(brokers.split(','));
  const identity = testServiceIdentity('promotion');
  const { app } = await createService(promotionService, {
    DATABASE_URL: databaseUrl,
    KAFKA_BROKERS: brokers,
    LOG_LEVEL: 'error',
    // The saga's command topics are shared by every suite of a run: this app consumes commands that
    // other suites' orchestrators send. With its relay off, its answers stay in its own outbox
    // (where these suites read events) and never reach another suite's saga.
    OUTBOX_RELAY: 'off',
    CATALOG_CONSUMER_GROUP: `promotion.catalog.test-${randomUUID()}`,
    ...identity.env,
  });
  await app.listen(0, '127.0.0.1');
  const baseUrl = await app.getUrl();
  const dataSource = app.get(DataSource);
  return {
    dataSource,
    get: async (path) => request(baseUrl, 'GET', path, await identity.headers()),
    post: async (path, body) => request(baseUrl, 'POST', path, await identity.headers(), body),
    knowProduct: async ({
      productId = randomUUID(),
      categoryId = `test-${randomUUID()}`,
      price = euros(1_000),
    } = {}) => {
      await app
        .get(CatalogRepository)
        .recordProduct(
          dataSource.manager,
          { productId, categoryId, listPrice: price },
          new Date().toISOString(),
        );
      return { productId, categoryId };
    },
    provider: (type) => app.get(type),
    outbox: (type, key) =>
      dataSource.query(
        `SELECT envelope->'payload' AS payload FROM outbox_messages
          WHERE event_type = $1 AND message_key = $2 ORDER BY id`,
        [type, key],
      ),
    close: () => app.close(),
  };
}

export const euros = (amount: number): Money => ({ amount, currency: 'EUR' });

/** A coupon code no other test uses. */
export const uniqueCode = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8)}`.toUpperCase();

/** The topics the app consumes and produces; resolves false for those that exist already. */
async function createTopics(brokers: string[]): Promise<void> {
  const admin = new Kafka({
    clientId: 'promotion-test',
    brokers,
    logLevel: logLevel.NOTHING,
  }).admin();
  await admin.connect();
  try {
    await admin.createTopics({
      topics: [TOPICS.productEvents, TOPICS.promotionEvents, TOPICS.deadLetters].map((topic) => ({
        topic: topic.name,
        numPartitions: topic.partitions,
      })),
      waitForLeaders: true,
    });
  } finally {
    await admin.disconnect();
  }
}

async function request(
  baseUrl: string,
  method: string,
  path: string,
  signed: Record<string, string>,
  body?: unknown,
): Promise<ApiResponse> {
  const response = await fetch(baseUrl + path, {
    method,
    headers: { ...signed, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return {
    status: response.status,
    contentType: response.headers.get('content-type'),
    body: text === '' ? undefined : JSON.parse(text),
  };
}
