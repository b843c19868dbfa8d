import { randomUUID } from 'node:crypto';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { isolatedDatabase } from '../../../../test/support/isolated-database.js';
import { testServiceIdentity } from '../../../../test/support/test-service-identity.js';

// See recommendation.int-spec.ts: @nestjs/common first, then the app.
await import('@nestjs/common');
const { createService } = await import('#libs/service-defaults');
const { recommendationService } = await import('../recommendation.service.js');

/** Faults change how the service answers; the answer itself (404 for an unknown product) does not. */
describe('faults injected into the recommendation service', () => {
  const brokers = process.env.KAFKA_BROKERS_TEST ?? '';
  const identity = testServiceIdentity('recommendation');
  let database: Awaited<ReturnType<typeof isolatedDatabase>>;
  let app: NestExpressApplication | undefined;
  let baseUrl: string;

  beforeAll(async () => {
    database = await isolatedDatabase([]);
    ({ app } = await createService(recommendationService, {
      DATABASE_URL: database.url,
      KAFKA_BROKERS: brokers,
      LOG_LEVEL: 'silent',
      FAULT_INJECTION: 'on',
      ...identity.env,
    }));
    await app.listen(0, '127.0.0.1');
    baseUrl = await app.getUrl();
  }, 60_000);

  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  afterEach(async () => {
    await faults('DELETE');
  });

  async function faults(method: 'PUT' | 'DELETE', body?: unknown) {
    const response = await fetch(`${baseUrl}/admin/faults`, {
      method,
      headers: { ...(await identity.headers()), 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    expect(response.status).toBe(200);
  }

  async function recommend(signal?: AbortSignal) {
    const startedAt = performance.now();
    const response = await fetch(`${baseUrl}/recommendations?productId=${randomUUID()}`, {
      headers: await identity.headers(),
      ...(signal ? { signal } : {}),
    });
    const headersAfterMs = performance.now() - startedAt;
    const body = (await response.json()) as { code?: string };
    return { status: response.status, body, headersAfterMs, ms: performance.now() - startedAt };
  }

  it('adds latency to its business routes, and to nothing else', async () => {
    await faults('PUT', { latencyMs: 300 });

    const slowed = await recommend();
    const startedAt = performance.now();
    const health = await fetch(`${baseUrl}/health/live`);

    expect(slowed.status).toBe(404);
    expect(slowed.ms).toBeGreaterThanOrEqual(295);
    expect(health.status).toBe(200);
    expect(performance.now() - startedAt).toBeLessThan(295);
  });

  it('fails the share of calls it is told to with a 503', async () => {
    await faults('PUT', { errorRate: 1 });

    const failed = await recommend();

    expect(failed.status).toBe(503);
    expect(failed.body.code).toBe('RECOMMENDATION.INJECTED_FAULT');
    await faults('PUT', { errorRate: 0 });
    expect((await recommend()).status).toBe(404);
  });

  it('never answers while hung, and answers again once reset', async () => {
    await faults('PUT', { hang: true });

    await expect(recommend(AbortSignal.timeout(500))).rejects.toThrow();
    await faults('DELETE');

    expect((await recommend()).status).toBe(404);
  });

  it('still refuses an unsigned call at once while hung', async () => {
    await faults('PUT', { hang: true });

    const response = await fetch(`${baseUrl}/recommendations?productId=${randomUUID()}`, {
      signal: AbortSignal.timeout(2_000),
    });

    expect(response.status).toBe(401);
  });

  it('sends the status at once and the rest of the body late with a slow body', async () => {
    await faults('PUT', { slowBodyMs: 400 });

    const slow = await recommend();

    expect(slow.status).toBe(404);
    expect(slow.headersAfterMs).toBeLessThan(350);
    expect(slow.ms).toBeGreaterThanOrEqual(395);
    expect(slow.body.code).toBe('RECOMMENDATION.UNKNOWN_PRODUCT');
  });
});
