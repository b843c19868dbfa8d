import type { Redis } from 'ioredis';
import {
  type RateLimiterAbstract,
  RateLimiterMemory,
  RateLimiterRedis,
} from 'rate-limiter-flexible';

export interface WindowOptions {
  /** Names the counters: `<keyPrefix>:<partition>` in the store. */
  keyPrefix: string;
  points: number;
  durationSeconds: number;
}

/** Where the counters of a fixed-window limiter live. */
export interface LimiterBackend {
  readonly kind: 'redis' | 'memory';
  window(options: WindowOptions): RateLimiterAbstract;
}

/**
 * Counters in Redis, shared by every replica that uses the same server: one atomic INCR (a Lua
 * script) per decision. A key that has used its points is then blocked in this process's memory
 * until its window ends, so a flood costs the store one write per key, window and replica instead
 * of one per request. While the connection is not ready the limiter fails at once instead of
 * queueing, and the caller falls back to its insurance (see PartitionedRateLimiter).
 */
export function redisBackend(client: Redis): LimiterBackend {
  return {
    kind: 'redis',
    window: ({ keyPrefix, points, durationSeconds }) =>
      new RateLimiterRedis({
        storeClient: client,
        keyPrefix,
        points,
        duration: durationSeconds,
        // At least `points`, which the library demands; 1 for a quota of nothing.
        inMemoryBlockOnConsumed: Math.max(points, 1),
        rejectIfRedisNotReady: true,
      }),
  };
}

/** Counters in this process only: each replica enforces the whole quota on its own. */
export function memoryBackend(): LimiterBackend {
  return {
    kind: 'memory',
    window: ({ keyPrefix, points, durationSeconds }) =>
      new RateLimiterMemory({ keyPrefix, points, duration: durationSeconds }),
  };
}
