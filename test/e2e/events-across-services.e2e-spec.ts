import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { TOPICS } from '#libs/contracts';
import { createKafka } from '#libs/messaging';
import { pgConnectionUrl } from '../../tools/infra/postgres/pg-connection-url.js';
import { eventually, statusOf } from '../support/poll.js';
import { SystemUnderTest } from '../support/system-under-test.js';

/**
 * The services talking through Kafka on real infrastructure: product's catalog reaches
 * recommendation's read model, confirmed orders change "bought together", and an event committed
 * just before a crash is published after the restart and applied exactly once.
 */
describe('events across services', () => {
  let system: SystemUnderTest;

  beforeAll(async () => {
    system = await SystemUnderTest.start({
      name: 'events',
      portBase: 14100,
      postgresPort: 55437,
      kafkaPort: 19402,
    });
    await Promise.all(
      (['product', 'promotion', 'recommendation', 'order'] as const).map((app) =>
        system.startApp(app),
      ),
    );
  }, 240_000);

  afterAll(async () => {
    await system?.stop();
  }, 60_000);

  async function query(database: string, sql: string, params: unknown[] = []) {
    const url = new URL(pgConnectionUrl(system.postgres.admin));
    url.pathname = `/${database}`;
    const client = new pg.Client({ connectionString: url.toString() });
    await client.connect();
    try {
      return (await client.query(sql, params)).rows;
    } finally {
      await client.end();
    }
  }

  async function createProduct(): Promise<string> {
    const sku = `E2E-${randomUUID().slice(0, 8).toUpperCase()}`;
    const response = await fetch(system.url('product', '/products'), {
      method: 'POST',
      headers: { ...(await system.signedHeaders('product')), 'content-type': 'application/json' },
      body: JSON.stringify({
        sku,
        name: `Test product ${sku}`,
        description: 'Created by the end-to-end test.',
        categoryId: 'books',
        price: { amount: 1_500, currency: 'EUR' },
        initialStock: 50,
      }),
    });
    expect(response.status).toBe(201);
    return ((await response.json()) as { id: string }).id;
  }

  const recommendationsFor = async (productId: string) => {
    const response = await fetch(
      system.url('recommendation', `/recommendations?productId=${productId}`),
      { headers: await system.signedHeaders('recommendation') },
    );
    return { status: response.status, body: (await response.json()) as RecommendationsBody };
  };

  /** Waits until promotion and recommendation have both heard of the products (read models). */
  async function waitUntilKnown(...productIds: string[]) {
    await eventually('recommendation and promotion know the products', async () => {
      for (const id of productIds) {
        const url = system.url('recommendation', `/recommendations?productId=${id}`);
        if ((await statusOf(url, await system.signedHeaders('recommendation'))) !== 200) {
          return false;
        }
      }
      const quote = await fetch(system.url('promotion', '/quotes'), {
        method: 'POST',
        headers: {
          ...(await system.signedHeaders('promotion')),
          'content-type': 'application/json',
        },
        body: JSON.stringify({
          lines: productIds.map((productId) => ({ productId, quantity: 1 })),
        }),
      });
      return quote.status === 200;
    });
  }

  async function placeOrder(...productIds: string[]): Promise<string> {
    const response = await fetch(system.url('order', '/orders'), {
      method: 'POST',
      headers: {
        ...(await system.signedHeaders('order')),
        'content-type': 'application/json',
        'idempotency-key': randomUUID(),
      },
      body: JSON.stringify({
        customerId: `customer-${randomUUID()}`,
        items: productIds.map((productId) => ({ productId, quantity: 1 })),
      }),
    });
    // The saga confirms the order after the answer (once product has reserved the stock).
    const body = (await response.json()) as { id: string; status: string };
    expect(response.status).toBe(202);
    expect(body.status).toBe('PENDING');
    return body.id;
  }

  /** Waits until recommendation's order consumer has committed everything on order.events. */
  async function recommendationCaughtUpWithOrders() {
    const admin = createKafka({ clientId: 'e2e-test', brokers: system.kafka.brokers }).admin();
    await admin.connect();
    try {
      await eventually('recommendation has consumed every order event', async () => {
        const ends = await admin.fetchTopicOffsets(TOPICS.orderEvents.name);
        const [committed] = await admin.fetchOffsets({
          groupId: 'recommendation.orders',
          topics: [TOPICS.orderEvents.name],
        });
        return ends.every(
          (end) =>
            committed?.partitions.find((p) => p.partition === end.partition)?.offset === end.high ||
            end.high === '0',
        );
      });
    } finally {
      await admin.disconnect();
    }
  }

  it("shows a product created through product's API in recommendation's read model", async () => {
    const productId = await createProduct();
    await eventually(
      'recommendation knows the product',
      async () => (await recommendationsFor(productId)).status === 200,
    );
  }, 60_000);

  it('changes "bought together" when an order is confirmed', async () => {
    const [book, other] = [await createProduct(), await createProduct()];
    await waitUntilKnown(book, other);

    await placeOrder(book, other);

    await eventually('the pair is bought together', async () => {
      const { body } = await recommendationsFor(book);
      return body.strategy === 'bought-together' && body.items[0]?.productId === other;
    });
    expect((await recommendationsFor(book)).body.items[0]?.score).toBe(1);
  }, 90_000);

  it('publishes an event committed just before a crash once the service is back', async () => {
    await system.kill('product');
    await system.startApp('product', { OUTBOX_RELAY: 'off' });
    const productId = await createProduct();
    const [row] = await query(
      'product',
      'SELECT published_at FROM outbox_messages WHERE message_key = $1',
      [productId],
    );
    expect(row.published_at).toBeNull();

    await system.kill('product', 'SIGKILL');
    await system.startApp('product');

    await eventually(
      'recommendation knows the product',
      async () => (await recommendationsFor(productId)).status === 200,
    );
  }, 120_000);

  it('applies a confirmed order exactly once across a crash and a redelivery', async () => {
    const [first, second] = [await createProduct(), await createProduct()];
    await waitUntilKnown(first, second);
    await system.kill('order');
    await system.startApp('order', { OUTBOX_RELAY: 'off' });
    const orderId = await placeOrder(first, second);

    await system.kill('order', 'SIGKILL');
    await system.startApp('order');
    await eventually(
      'the pair is bought together',
      async () => (await recommendationsFor(first)).body.items[0]?.productId === second,
    );

    // A crash after the send and before the row was marked: the relay publishes it all again.
    await query('order', 'UPDATE outbox_messages SET published_at = NULL WHERE message_key = $1', [
      orderId,
    ]);
    await eventually('the relay has republished the order events', async () => {
      const rows = await query(
        'order',
        'SELECT published_at FROM outbox_messages WHERE message_key = $1',
        [orderId],
      );
      return rows.every((r) => r.published_at !== null);
    });
    await recommendationCaughtUpWithOrders();

    const { body } = await recommendationsFor(first);
    expect(body.items[0]).toMatchObject({ productId: second, score: 1 });
  }, 180_000);
});

interface RecommendationsBody {
  strategy: string;
  items: { productId: string; score: number }[];
}
