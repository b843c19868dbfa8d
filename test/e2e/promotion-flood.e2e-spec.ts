import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { LocalRedis } from '../../tools/infra/redis/local-redis.js';
import { startRedis } from '../../tools/infra/redis/start-redis.js';
import { eventually } from '../support/poll.js';
import { signIn } from '../support/sign-in.js';
import { SystemUnderTest } from '../support/system-under-test.js';

const PRODUCT_QUOTE_QUOTA = { perSecond: 20, burst: 10 };
// Ten times product's quota: the runaway caller of docs/rate-limiting.md.
const FLOOD = { enabled: true, concurrency: 8, ratePerSecond: 200, durationSeconds: 120 };

/**
 * The scenario of issue 6 on real processes: product floods promotion at ten times its quota
 * while order prices carts and places orders, and every one of order's calls succeeds.
 */
describe('a runaway caller of the promotion service', () => {
  let system: SystemUnderTest;
  let redis: LocalRedis;
  const api = (path: string) => system.url('gateway', `/api${path}`);

  beforeAll(async () => {
    system = await SystemUnderTest.start({
      name: 'promotion-flood',
      portBase: 15500,
      postgresPort: 55459,
      kafkaPort: 19902,
    });
    redis = await startRedis({
      dataDir: join(system.dataDir, 'redis'),
      port: 56391,
      log: () => undefined,
      env: { ...process.env, REDIS_URL: '' },
    });
    await Promise.all([
      system.startApp('product'),
      system.startApp('promotion', {
        REDIS_URL: redis.url,
        RATE_LIMIT_QUOTAS: JSON.stringify({
          default: { perSecond: 5, burst: 5 },
          callers: {
            gateway: {
              quote: { perSecond: 1_000, burst: 500 },
              admin: { perSecond: 100, burst: 50 },
            },
            order: {
              quote: { perSecond: 500, burst: 250 },
              coupon: { perSecond: 250, burst: 125 },
            },
            product: { quote: PRODUCT_QUOTE_QUOTA },
          },
        }),
      }),
      system.startApp('recommendation'),
      system.startApp('order'),
    ]);
    await system.startApp('gateway');
  }, 240_000);

  afterAll(async () => {
    await system?.stop();
    await redis?.stop();
  }, 60_000);

  async function metrics(app: 'product' | 'promotion'): Promise<string> {
    return (await fetch(system.url(app, '/metrics'))).text();
  }

  const sum = (text: string, pattern: RegExp) =>
    text
      .split('\n')
      .filter((line) => pattern.test(line))
      .reduce((total, line) => total + Number(line.split(' ').at(-1)), 0);

  it("contains product's flood and serves every one of order's calls", async () => {
    const admin = await signIn(system, 'admin@example.com');
    const alice = await signIn(system, 'alice@example.com');
    const catalog = (await (await fetch(api('/products?pageSize=20'))).json()) as {
      items: { id: string; availableStock: number }[];
    };
    const product = catalog.items.find((item) => item.availableStock >= 20);
    if (!product) throw new Error('the demo catalog has no product in stock');
    await eventually(
      'promotion knows the product',
      async () => {
        const known = await fetch(system.url('promotion', `/promotions?productId=${product.id}`), {
          headers: await system.signedHeaders('promotion'),
        });
        return known.status === 200;
      },
      60_000,
    );

    const switched = await fetch(api('/admin/faults/product'), {
      method: 'PUT',
      headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
      body: JSON.stringify({ promotionFlood: FLOOD }),
    });
    expect(switched.status).toBe(200);
    await eventually(
      'the flood is being refused',
      async () => {
        return (
          sum(await metrics('product'), /^promotion_flood_calls_total\{.*outcome="rate_limited"/) >
          100
        );
      },
      30_000,
    );

    // While it runs: order's own quotes (signed as order) and orders placed by a customer.
    const quotes: number[] = [];
    for (let i = 0; i < 40; i++) {
      const response = await fetch(system.url('promotion', '/quotes'), {
        method: 'POST',
        headers: {
          ...(await system.signedHeaders('promotion', 'order')),
          'content-type': 'application/json',
        },
        body: JSON.stringify({ lines: [{ productId: product.id, quantity: 1 }] }),
      });
      await response.arrayBuffer();
      quotes.push(response.status);
    }
    const orders = await Promise.all(
      Array.from({ length: 5 }, async () => {
        const response = await fetch(api('/orders'), {
          method: 'POST',
          headers: {
            authorization: `Bearer ${alice}`,
            'content-type': 'application/json',
            'idempotency-key': randomUUID(),
          },
          body: JSON.stringify({ items: [{ productId: product.id, quantity: 1 }] }),
        });
        return { status: response.status, body: (await response.json()) as { id: string } };
      }),
    );

    expect(quotes).toEqual(Array(40).fill(200));
    for (const order of orders) expect([201, 202]).toContain(order.status);
    for (const { body } of orders) {
      await eventually(
        `order ${body.id} is confirmed`,
        async () => {
          const read = await fetch(api(`/orders/${body.id}`), {
            headers: { authorization: `Bearer ${alice}` },
          });
          return ((await read.json()) as { status: string }).status === 'CONFIRMED';
        },
        60_000,
      );
    }

    const promotion = await metrics('promotion');
    expect(
      sum(promotion, /^rate_limit_decisions_total\{.*partition="order".*decision="rejected"/),
    ).toBe(0);
    expect(
      sum(promotion, /^rate_limit_decisions_total\{.*partition="order".*decision="allowed"/),
    ).toBeGreaterThanOrEqual(40);
    const product429 = sum(
      promotion,
      /^rate_limit_decisions_total\{.*partition="product".*decision="rejected"/,
    );
    const productServed = sum(
      promotion,
      /^rate_limit_decisions_total\{.*partition="product".*decision="allowed"/,
    );
    expect(product429).toBeGreaterThan(productServed);

    // Switching the fault off stops the flood.
    await fetch(api('/admin/faults/product'), {
      method: 'PUT',
      headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
      body: JSON.stringify({ promotionFlood: null }),
    });
    let previous = -1;
    await eventually(
      'the flood has stopped',
      async () => {
        const calls = sum(await metrics('product'), /^promotion_flood_calls_total\{/);
        const stopped = calls === previous;
        previous = calls;
        return stopped;
      },
      10_000,
    );
  }, 240_000);
});
