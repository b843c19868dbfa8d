import { randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import { Redis } from 'ioredis';
import type { ServiceName } from '#libs/contracts';
import {
  generateServiceKey,
  publicKeyOf,
  type ServicePrivateKey,
  ServiceTokenSigner,
} from '#libs/service-identity';
import { isolatedDatabase } from '../../../../test/support/isolated-database.js';
import { eventually, statusOf } from '../../../../test/support/poll.js';
import { type AppProcess, startApp, stopApp } from '../../../../tools/stack/app-process.js';

/**
 * Promotion replicas as real processes (`npm run build` first), sharing one database and the
 * harness's real Redis, as a deployment runs them. Quotas are tiny so each case is a few calls.
 */
const CALLERS = ['gateway', 'order', 'product'] as const satisfies ServiceName[];
const keys = Object.fromEntries(CALLERS.map((name) => [name, generateServiceKey(name)])) as Record<
  (typeof CALLERS)[number],
  ServicePrivateKey
>;
const signers = Object.fromEntries(
  CALLERS.map((name) => [name, new ServiceTokenSigner({ service: name, signingKey: keys[name] })]),
) as Record<(typeof CALLERS)[number], ServiceTokenSigner>;

const QUOTAS = {
  default: { perSecond: 1, burst: 0 },
  callers: {
    // No steady rate, six in the burst: the whole quota for ten seconds, whatever the timing.
    product: { quote: { perSecond: 0, burst: 6 } },
    order: { quote: { perSecond: 200, burst: 0 }, coupon: { perSecond: 0, burst: 2 } },
  },
};

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

interface Replica {
  url: string;
  process: AppProcess;
}

async function startReplica(databaseUrl: string, redisUrl: string, group: string) {
  const port = await freePort();
  const process = startApp(
    'promotion',
    {
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'error',
      DATABASE_URL: databaseUrl,
      KAFKA_BROKERS: globalThis.process.env.KAFKA_BROKERS_TEST,
      CATALOG_CONSUMER_GROUP: group,
      REDIS_URL: redisUrl,
      RATE_LIMIT_QUOTAS: JSON.stringify(QUOTAS),
      RATE_LIMIT_REPLICAS: '2',
      RATE_LIMIT_QUOTA_REFRESH_MS: '200',
      SERVICE_SIGNING_KEY: JSON.stringify(generateServiceKey('promotion')),
      SERVICE_TRUSTED_KEYS: JSON.stringify(
        Object.fromEntries(CALLERS.map((name) => [name, [publicKeyOf(keys[name])]])),
      ),
    },
    { colour: 35, format: 'json' },
  );
  const url = `http://127.0.0.1:${port}`;
  await eventually(
    'a promotion replica is ready',
    async () => {
      return (await statusOf(`${url}/health/ready`)) === 200;
    },
    60_000,
  );
  return { url, process };
}

async function call(
  replica: Replica,
  caller: (typeof CALLERS)[number],
  method: string,
  path: string,
  body?: unknown,
) {
  const response = await fetch(replica.url + path, {
    method,
    headers: {
      authorization: await signers[caller].authorizationFor('promotion'),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    body: text ? JSON.parse(text) : undefined,
  };
}

// Allowed quote reads of an unknown product answer 404: the limiter let them through.
const quoteRead = (replica: Replica, caller: (typeof CALLERS)[number]) =>
  call(replica, caller, 'GET', `/promotions?productId=${randomUUID()}`);

describe('promotion rate limits across replicas', () => {
  // Its own Redis database number, so counters of other suites never meet this one's.
  const redisUrl = `${process.env.REDIS_URL_TEST}/7`;
  let database: Awaited<ReturnType<typeof isolatedDatabase>>;
  let a: Replica;
  let b: Replica;
  let redis: Redis;

  beforeAll(async () => {
    redis = new Redis(redisUrl);
    await redis.flushdb();
    database = await isolatedDatabase([]);
    const group = `promotion.catalog.test-${randomUUID()}`;
    // One after the other: the second finds the schema the first migrated.
    a = await startReplica(database.url, redisUrl, group);
    b = await startReplica(database.url, redisUrl, group);
  }, 120_000);

  afterAll(async () => {
    await Promise.all([a, b].filter(Boolean).map((replica) => stopApp(replica.process, 10_000)));
    redis?.disconnect();
    await database?.close();
  }, 30_000);

  it('holds two replicas to one quota together, and blocks a flood in memory', async () => {
    const writesBefore = await limiterScriptCalls(redis);
    const statuses: number[] = [];
    // A flood in ten waves of twenty: a key is blocked in memory once the store has said "over",
    // so calls already on their way in the first wave still reach the store, later ones do not.
    for (let wave = 0; wave < 10; wave++) {
      const responses = await Promise.all(
        Array.from({ length: 20 }, (_, i) => quoteRead(i % 2 ? a : b, 'product')),
      );
      statuses.push(...responses.map((response) => response.status));
    }

    // Each replica alone would accept 6: together they accept the one quota of 6.
    expect(statuses.filter((status) => status !== 429)).toHaveLength(6);
    // Unblocked, every call would cost two store writes (its steady and its burst window): 400.
    expect((await limiterScriptCalls(redis)) - writesBefore).toBeLessThan(100);
  });

  it('refuses with a 429 problem naming the caller and saying when to come back', async () => {
    const refused = await quoteRead(a, 'product');

    expect(refused.status).toBe(429);
    expect(refused.headers.get('content-type')).toBe('application/problem+json');
    expect(refused.body).toMatchObject({ code: 'PROMOTION.RATE_LIMITED' });
    expect(refused.body.detail).toContain('"product"');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(refused.headers.get('ratelimit-limit')).toBe('0');
    expect(refused.headers.get('ratelimit-remaining')).toBe('0');
    expect(Number(refused.headers.get('ratelimit-reset'))).toBeGreaterThanOrEqual(1);
  });

  it('serves another caller as if nothing happened while one caller is refused', async () => {
    const responses = await Promise.all(Array.from({ length: 20 }, () => quoteRead(b, 'order')));

    expect(responses.map((response) => response.status)).toEqual(Array(20).fill(404));
    expect(responses[0]?.headers.get('ratelimit-limit')).toBe('200');
  });

  it('serves compensations from a caller that is over its coupon quota', async () => {
    const redeem = (orderId: string) =>
      call(a, 'order', 'POST', '/coupons/SAVE5/redemptions', { orderId, customerId: randomUUID() });
    const redemptions = await Promise.all(Array.from({ length: 6 }, () => redeem(randomUUID())));
    expect(redemptions.some((response) => response.status === 429)).toBe(true);

    const release = await call(
      b,
      'order',
      'POST',
      `/coupons/SAVE5/redemptions/${randomUUID()}/release`,
    );

    expect(release.status).toBe(200);
    expect(release.body).toMatchObject({ status: 'RELEASED' });
  });

  it('refuses a call whose identity is only claimed, before counting it against anyone', async () => {
    const stranger = new ServiceTokenSigner({
      service: 'order',
      signingKey: generateServiceKey('order'),
    });
    const forged = await fetch(`${a.url}/promotions?productId=${randomUUID()}`, {
      headers: { authorization: await stranger.authorizationFor('promotion') },
    });
    const claimed = await fetch(`${a.url}/promotions?productId=${randomUUID()}`, {
      headers: { 'x-caller-service': 'order' },
    });

    expect([forged.status, claimed.status]).toEqual([401, 401]);
    expect(forged.headers.get('ratelimit-limit')).toBeNull();
  });

  it('applies a quota change made through one replica on the other too', async () => {
    const change = { callers: { recommendation: { quote: { perSecond: 42, burst: 0 } } } };

    const changed = await call(a, 'gateway', 'PUT', '/admin/rate-limits', change);
    expect(changed.status).toBe(200);

    await eventually(
      'the other replica applies the change',
      async () => {
        const view = await call(b, 'gateway', 'GET', '/admin/rate-limits');
        return view.body?.quotas?.callers?.recommendation?.quote?.perSecond === 42;
      },
      10_000,
    );
  });

  it('lets only the gateway change quotas', async () => {
    const attempt = await call(a, 'product', 'PUT', '/admin/rate-limits', {
      callers: { product: { quote: { perSecond: 1_000, burst: 0 } } },
    });

    expect(attempt.status).toBe(403);
  });

  it('names the offending field of a malformed change', async () => {
    const attempt = await call(a, 'gateway', 'PUT', '/admin/rate-limits', {
      callers: { product: { quote: { perSecond: -1, burst: 0 } } },
    });

    expect(attempt.status).toBe(400);
    expect(JSON.stringify(attempt.body.errors)).toContain('perSecond');
  });

  describe('while the store is unreachable', () => {
    let orphan: Replica;

    beforeAll(async () => {
      const deadPort = await freePort();
      orphan = await startReplica(
        database.url,
        `redis://127.0.0.1:${deadPort}`,
        `g-${randomUUID()}`,
      );
    }, 120_000);

    afterAll(async () => {
      if (orphan) await stopApp(orphan.process, 10_000);
    }, 30_000);

    it('fails open within its share of the quota, and says so on /metrics', async () => {
      const statuses = await Promise.all(
        Array.from({ length: 10 }, () => quoteRead(orphan, 'product')),
      );

      // Half of the burst of 6, for one of two replicas.
      expect(statuses.filter((response) => response.status !== 429)).toHaveLength(3);
      const metrics = await (await fetch(`${orphan.url}/metrics`)).text();
      expect(metricValue(metrics, 'rate_limit_insurance_activations_total')).toBeGreaterThanOrEqual(
        10,
      );
      expect(metricValue(metrics, 'rate_limit_store_errors_total')).toBeGreaterThanOrEqual(10);
      expect(metrics).toMatch(
        /rate_limit_decisions_total\{[^}]*partition="product"[^}]*decision="rejected"[^}]*\} 7/,
      );
    });
  });
});

/** How often Redis has run a Lua script (rate-limiter-flexible's atomic increment). */
async function limiterScriptCalls(redis: Redis): Promise<number> {
  const stats = await redis.info('commandstats');
  return [...stats.matchAll(/cmdstat_(?:evalsha|eval):calls=(\d+)/g)].reduce(
    (sum, match) => sum + Number(match[1]),
    0,
  );
}

function metricValue(metrics: string, name: string): number {
  const line = metrics.split('\n').find((candidate) => candidate.startsWith(name));
  return line ? Number(line.split(' ').at(-1)) : 0;
}
