import { randomBytes } from 'node:crypto';
import { register } from 'prom-client';
import { DataSource } from 'typeorm';
import { TOPICS, type TopicContract } from '#libs/contracts';
import { createKafka } from '#libs/messaging';
import { testServiceIdentity } from '../../../test/support/test-service-identity.js';

export interface ApiResponse {
  status: number;
  contentType: string | null;
  // Tests assert on shapes with `expect`, so the body stays loosely typed here, in one place.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
}

/** The product app on a random port, as `npm start` runs it, and a small JSON client for it. */
export interface ProductTestApp {
  dataSource: DataSource;
  get(path: string): Promise<ApiResponse>;
  post(path: string, body?: unknown): Promise<ApiResponse>;
  put(path: string, body: unknown): Promise<ApiResponse>;
  patch(path: string, body: unknown): Promise<ApiResponse>;
  close(): Promise<void>;
}

/**
 * Starts the very app `runService` starts (migrations, demo seed; the outbox relay off) on the
 * given database and the test broker, with the topics it publishes to created as `npm start`
 * creates them. Tests look for events in the outbox, where they are written; other suites may
 * read the shared topics, and use fresh ids of their own for that reason.
 */
export async function startProductApp(databaseUrl: string): Promise<ProductTestApp> {
  // Jest's ES module loader refuses a CommonJS package (@willsoto/nestjs-prometheus) that
  // require()s @nestjs/common while @nestjs/common is still loading in the same import graph (Node
  // itself copes). Loading @nestjs/common on its own first, then the app, sidesteps that.
  await import('@nestjs/common');
  const { createService } = await import('#libs/service-defaults');
  const { productService } = await import('../src/product.service.js');
  const brokers = process.env.KAFKA_BROKERS_TEST ?? '';
  await createTopics(brokers.split(','), [TOPICS.productEvents, TOPICS.inventoryEvents]);
  const identity = testServiceIdentity('product');
  const { app } = await createService(productService, {
    DATABASE_URL: databaseUrl,
    KAFKA_BROKERS: brokers,
    LOG_LEVEL: 'error',
    // The saga's command topics are shared by every suite of a run: this app consumes commands that
    // other suites' orchestrators send. With its relay off, its answers stay in its own outbox
    // (where these suites read events) and never reach another suite's saga.
    OUTBOX_RELAY: 'off',
    ...identity.env,
  });
  await app.listen(0, '127.0.0.1');
  const baseUrl = await app.getUrl();
  const call = (method: string) => async (path: string, body?: unknown) =>
    request(baseUrl, method, path, body, await identity.headers());
  return {
    dataSource: app.get(DataSource),
    get: call('GET'),
    post: call('POST'),
    put: call('PUT'),
    patch: call('PATCH'),
    close: async () => {
      await app.close();
      // Metrics live in prom-client's process-wide registry; clear it so that a test can start
      // the app again in the same process (a restart) without "already registered" errors.
      register.clear();
    },
  };
}

/** Creates the topics unless another suite did first (then `createTopics` just answers false). */
async function createTopics(brokers: string[], topics: TopicContract[]): Promise<void> {
  const admin = createKafka({ clientId: 'product-test', brokers }).admin();
  await admin.connect();
  try {
    await admin.createTopics({
      topics: topics.map((topic) => ({ topic: topic.name, numPartitions: topic.partitions })),
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
  body: unknown,
  signed: Record<string, string>,
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

/** A SKU no other test uses. */
export function uniqueSku(prefix = 'TEST'): string {
  return `${prefix}-${randomBytes(4).toString('hex').toUpperCase()}`;
}
