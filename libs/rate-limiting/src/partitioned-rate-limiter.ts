import { trace } from '@opentelemetry/api';
import {
  BurstyRateLimiter,
  type RateLimiterAbstract,
  RateLimiterMemory,
  RateLimiterRes,
} from 'rate-limiter-flexible';
import type { LimiterBackend } from './limiter-backend.js';
import { BURST_WINDOW_SECONDS, type Quota, sameQuota } from './quota.js';
import type { RateLimitDecision, RateLimitOutcome } from './rate-limit-decision.js';
import { type RateLimitMeter, silentMeter } from './rate-limit-meter.js';

export type RateLimitMode = 'enforce' | 'shadow';

export interface PartitionedRateLimiterOptions {
  /** Prefixes every counter's key, so services sharing a Redis keep apart (`promotion`). */
  name: string;
  backend: LimiterBackend;
  /** The current quota of a partition in a route class; asked on every decision. */
  quotaOf: (partition: string, routeClass: string) => Quota;
  /** `shadow` evaluates and meters every request but lets all of them through. */
  mode: RateLimitMode;
  /**
   * Replicas sharing the quota. While the store is unreachable each replica enforces
   * `1/replicas` of every quota on its own (the insurance), so together they stay near it.
   */
  replicas: number;
  meter?: RateLimitMeter;
}

export interface RateLimitRequest {
  /** The verified calling service: the key everything is counted by. */
  partition: string;
  routeClass: string;
  /** Counted and metered, never refused nor stored (compensations). */
  exempt?: boolean;
}

interface Limiters {
  quota: Quota;
  store: Pick<RateLimiterAbstract, 'consume'>;
  insurance: Pick<RateLimiterAbstract, 'consume'>;
}

/**
 * Rate limiting partitioned by calling service and route class: each partition has its own
 * quota (steady rate plus a burst reserve) in its own counters, so one caller's flood uses up only
 * its own quota, and one class's traffic cannot consume another's. When the shared store fails,
 * decisions fall back to an in-memory insurance limiter scaled down by the replica count: the
 * service fails open, but not unlimited. Every decision is metered and recorded on the active span.
 */
export class PartitionedRateLimiter {
  private readonly limiters = new Map<string, Limiters>();
  private readonly meter: RateLimitMeter;

  constructor(private readonly options: PartitionedRateLimiterOptions) {
    this.meter = options.meter ?? silentMeter;
  }

  get mode(): RateLimitMode {
    return this.options.mode;
  }

  async decide(request: RateLimitRequest): Promise<RateLimitDecision> {
    const { partition, routeClass } = request;
    const quota = this.options.quotaOf(partition, routeClass);
    if (request.exempt) {
      return this.record({ ...base(request, quota), outcome: 'allowed', source: 'exempt' });
    }
    const limiters = this.limitersFor(partition, routeClass, quota);
    let source: RateLimitDecision['source'] = 'store';
    let result: { res: RateLimiterRes; over: boolean };
    try {
      result = await consume(limiters.store, partition);
    } catch {
      // Fail open, but within the insurance: what failed matters less than how often (metered).
      this.meter.storeFailed();
      this.meter.insuranceUsed();
      source = 'insurance';
      result = await consume(limiters.insurance, partition);
    }
    const { res, over } = result;
    const outcome: RateLimitOutcome = !over
      ? 'allowed'
      : this.options.mode === 'shadow'
        ? 'shadow_rejected'
        : 'rejected';
    return this.record({
      ...base(request, quota),
      outcome,
      source,
      remaining: over ? 0 : Math.max(0, res.remainingPoints),
      resetSeconds: Math.max(1, Math.ceil(res.msBeforeNext / 1000)),
      usageRatio: usage(res, quota, over),
    });
  }

  private record(decision: RateLimitDecision): RateLimitDecision {
    this.meter.decided(decision);
    trace.getActiveSpan()?.addEvent('rate_limit.decision', {
      'rate_limit.partition': decision.partition,
      'rate_limit.route_class': decision.routeClass,
      'rate_limit.decision': decision.outcome,
      'rate_limit.source': decision.source,
      'rate_limit.limit': decision.limit,
    });
    return decision;
  }

  /** The counters of one partition and class, rebuilt when its quota changes at runtime. */
  private limitersFor(partition: string, routeClass: string, quota: Quota): Limiters {
    const key = `${partition}\u0000${routeClass}`;
    const known = this.limiters.get(key);
    if (known && sameQuota(known.quota, quota)) return known;
    const { name, backend, replicas } = this.options;
    const prefix = `rl:${name}:${routeClass}`;
    const store = bursty(quota, (points, durationSeconds, window) =>
      backend.window({ keyPrefix: `${prefix}:${window}`, points, durationSeconds }),
    );
    const share = (points: number) => Math.ceil(points / replicas);
    const insurance = bursty(
      { perSecond: share(quota.perSecond), burst: share(quota.burst) },
      (points, duration, window) =>
        new RateLimiterMemory({ keyPrefix: `insurance:${prefix}:${window}`, points, duration }),
    );
    const limiters = { quota, store, insurance };
    this.limiters.set(key, limiters);
    return limiters;
  }
}

type WindowFactory = (
  points: number,
  durationSeconds: number,
  window: 'steady' | 'burst',
) => RateLimiterAbstract;

function bursty(quota: Quota, window: WindowFactory): Pick<RateLimiterAbstract, 'consume'> {
  const steady = window(quota.perSecond, 1, 'steady');
  if (quota.burst === 0) return steady;
  return new BurstyRateLimiter(steady, window(quota.burst, BURST_WINDOW_SECONDS, 'burst'));
}

/** A refusal is an answer, not a failure: only other errors mean the store let us down. */
async function consume(limiter: Pick<RateLimiterAbstract, 'consume'>, key: string) {
  try {
    return { res: await limiter.consume(key), over: false };
  } catch (refusal) {
    if (refusal instanceof RateLimiterRes) return { res: refusal, over: true };
    throw refusal;
  }
}

function base(request: RateLimitRequest, quota: Quota) {
  return {
    partition: request.partition,
    routeClass: request.routeClass,
    limit: quota.perSecond,
    remaining: quota.perSecond,
    resetSeconds: 1,
    usageRatio: 0,
  };
}

function usage(res: RateLimiterRes, quota: Quota, over: boolean): number {
  if (quota.perSecond === 0) return over ? 1 : 0;
  const ratio = res.consumedPoints / quota.perSecond;
  // A key blocked in memory is refused without reading its counter, which then reads as 0.
  return over ? Math.max(1, ratio) : ratio;
}
