import { Redis } from 'ioredis';

/**
 * A Redis connection for rate limiting that fails fast: no offline queue (a command while
 * disconnected fails at once, and the limiter uses its insurance), one attempt per command with a
 * short timeout, and reconnection in the background with a capped backoff.
 */
export function rateLimitRedisConnection(url: string, commandTimeoutMs = 200): Redis {
  return new Redis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    commandTimeout: commandTimeoutMs,
    connectTimeout: 2_000,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
    lazyConnect: false,
  });
}
