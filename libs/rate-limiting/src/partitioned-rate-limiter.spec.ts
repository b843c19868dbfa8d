import { jest } from '@jest/globals';
import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import { type LimiterBackend, memoryBackend } from './limiter-backend.js';
import { PartitionedRateLimiter, type RateLimitMode } from './partitioned-rate-limiter.js';
import type { Quota } from './quota.js';
import type { RateLimitDecision } from './rate-limit-decision.js';
import type { RateLimitMeter } from './rate-limit-meter.js';

const product: Quota = { perSecond: 3, burst: 2 };
const order: Quota = { perSecond: 5, burst: 0 };
const fallback: Quota = { perSecond: 1, burst: 0 };

function recordingMeter() {
  const decisions: RateLimitDecision[] = [];
  const counts = { storeFailed: 0, insuranceUsed: 0 };
  const meter: RateLimitMeter = {
    decided: (decision) => decisions.push(decision),
    storeFailed: () => counts.storeFailed++,
    insuranceUsed: () => counts.insuranceUsed++,
  };
  return { meter, decisions, counts };
}

function limiter({
  backend = memoryBackend(),
  mode = 'enforce' as RateLimitMode,
  replicas = 1,
  quotas = { product, order } as Record<string, Quota>,
} = {}) {
  const recorded = recordingMeter();
  const rateLimiter = new PartitionedRateLimiter({
    name: 'promotion',
    backend,
    quotaOf: (partition, routeClass) =>
      routeClass === 'quote' ? (quotas[partition] ?? fallback) : fallback,
    mode,
    replicas,
    meter: recorded.meter,
  });
  return { rateLimiter, ...recorded };
}

async function outcomes(rateLimiter: PartitionedRateLimiter, partition: string, count: number) {
  const results: string[] = [];
  for (let i = 0; i < count; i++) {
    results.push((await rateLimiter.decide({ partition, routeClass: 'quote' })).outcome);
  }
  return results;
}

const tally = (results: string[]) =>
  results.reduce<Record<string, number>>((counts, outcome) => {
    counts[outcome] = (counts[outcome] ?? 0) + 1;
    return counts;
  }, {});

describe('PartitionedRateLimiter', () => {
  beforeEach(() => {
    jest.useFakeTimers({ now: Date.parse('2026-01-05T10:00:00.000Z') });
  });

  afterEach(() => {
    jest.useRealTimers();
  });

  it('accepts the per-second quota plus the burst in one second, then refuses', async () => {
    const { rateLimiter } = limiter();

    expect(tally(await outcomes(rateLimiter, 'product', 8))).toEqual({ allowed: 5, rejected: 3 });
  });

  it('gives a new second its full rate but not a burst already spent', async () => {
    const { rateLimiter } = limiter();
    await outcomes(rateLimiter, 'product', 8);

    jest.advanceTimersByTime(1_000);

    expect(tally(await outcomes(rateLimiter, 'product', 5))).toEqual({ allowed: 3, rejected: 2 });
  });

  it('refills the burst once its ten-second window has passed', async () => {
    const { rateLimiter } = limiter();
    await outcomes(rateLimiter, 'product', 8);

    jest.advanceTimersByTime(10_000);

    expect(tally(await outcomes(rateLimiter, 'product', 6))).toEqual({ allowed: 5, rejected: 1 });
  });

  it('counts each caller against its own quota, so a flood from one leaves the other untouched', async () => {
    const { rateLimiter } = limiter();
    await outcomes(rateLimiter, 'product', 50);

    expect(tally(await outcomes(rateLimiter, 'order', 5))).toEqual({ allowed: 5 });
  });

  it('keeps route classes apart, so quote traffic cannot use up the coupon class', async () => {
    const { rateLimiter } = limiter();
    await outcomes(rateLimiter, 'order', 20);

    const coupon = await rateLimiter.decide({ partition: 'order', routeClass: 'coupon' });

    expect(coupon.outcome).toBe('allowed');
  });

  it('gives a caller without a quota of its own the small default', async () => {
    const { rateLimiter } = limiter();

    expect(tally(await outcomes(rateLimiter, 'recommendation', 3))).toEqual({
      allowed: 1,
      rejected: 2,
    });
  });

  it('never refuses an exempt request, however far over quota its caller is', async () => {
    const { rateLimiter, decisions } = limiter();
    await outcomes(rateLimiter, 'order', 20);

    const release = await rateLimiter.decide({
      partition: 'order',
      routeClass: 'quote',
      exempt: true,
    });

    expect(release).toMatchObject({ outcome: 'allowed', source: 'exempt' });
    expect(decisions.at(-1)).toBe(release);
  });

  it('reports the limit, what is left and when the window ends', async () => {
    const { rateLimiter } = limiter();
    const first = await rateLimiter.decide({ partition: 'order', routeClass: 'quote' });
    await outcomes(rateLimiter, 'order', 4);
    const refused = await rateLimiter.decide({ partition: 'order', routeClass: 'quote' });

    expect(first).toMatchObject({ limit: 5, remaining: 4, resetSeconds: 1, usageRatio: 0.2 });
    expect(refused).toMatchObject({ outcome: 'rejected', remaining: 0, resetSeconds: 1 });
    expect(refused.usageRatio).toBeGreaterThanOrEqual(1);
  });

  it('in shadow mode meters what it would refuse but lets everything through', async () => {
    const { rateLimiter, decisions } = limiter({ mode: 'shadow' });

    expect(tally(await outcomes(rateLimiter, 'order', 7))).toEqual({
      allowed: 5,
      shadow_rejected: 2,
    });
    expect(decisions.filter((d) => d.outcome === 'shadow_rejected')).toHaveLength(2);
  });

  it('applies a changed quota from the next decision on', async () => {
    const quotas = { product, order };
    const { rateLimiter } = limiter({ quotas });
    await outcomes(rateLimiter, 'order', 5);

    quotas.order = { perSecond: 20, burst: 0 };
    jest.advanceTimersByTime(1_000);

    expect(tally(await outcomes(rateLimiter, 'order', 20))).toEqual({ allowed: 20 });
  });

  describe('while the shared store fails', () => {
    const failingStore: LimiterBackend = {
      kind: 'redis',
      window: () =>
        ({
          consume: () => Promise.reject(new Error('Stream is not writeable')),
        }) as unknown as RateLimiterAbstract,
    };

    it('fails open on an insurance limit of its share of the quota, and meters it', async () => {
      // Two replicas: each takes half of 5 a second (3, rounded up) on its own.
      const { rateLimiter, counts, decisions } = limiter({ backend: failingStore, replicas: 2 });

      expect(tally(await outcomes(rateLimiter, 'order', 5))).toEqual({ allowed: 3, rejected: 2 });
      expect(counts).toEqual({ storeFailed: 5, insuranceUsed: 5 });
      expect(decisions.every((decision) => decision.source === 'insurance')).toBe(true);
    });

    it('serves exempt requests without touching the store', async () => {
      const { rateLimiter, counts } = limiter({ backend: failingStore });

      await rateLimiter.decide({ partition: 'order', routeClass: 'quote', exempt: true });

      expect(counts).toEqual({ storeFailed: 0, insuranceUsed: 0 });
    });
  });
});
