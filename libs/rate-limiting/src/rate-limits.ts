import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import type { Redis } from 'ioredis';
import { type LimiterBackend, memoryBackend, redisBackend } from './limiter-backend.js';
import { PartitionedRateLimiter } from './partitioned-rate-limiter.js';
import { QuotaBook } from './quota-book.js';
import { localQuotaOverrides, redisQuotaOverrides } from './quota-overrides.store.js';
import type { QuotaChange, QuotaTable } from './quota-table.js';
import { PrometheusRateLimitMeter } from './rate-limit-metrics.js';
import { RATE_LIMITING_OPTIONS, type RateLimitingOptions } from './rate-limiting.options.js';
import { rateLimitRedisConnection } from './redis-connection.js';

/** What `GET /admin/rate-limits` shows: how limiting runs here and the quotas in force. */
export interface RateLimitsView {
  mode: 'enforce' | 'shadow' | 'off';
  store: 'redis' | 'memory';
  replicas: number;
  quotas: QuotaTable;
}

/**
 * The service's rate limiting as one injectable: the limiter the interceptor asks, and the quotas
 * the admin API reads and changes. Owns the Redis connection and the refresh timer.
 */
@Injectable()
export class RateLimits implements OnModuleInit, OnApplicationShutdown {
  readonly limiter: PartitionedRateLimiter;
  private readonly book: QuotaBook;
  private readonly backend: LimiterBackend;
  private readonly redis?: Redis;
  private readonly logger = new Logger('RateLimits');
  private refreshTimer?: NodeJS.Timeout;
  private storeHealthy = true;

  constructor(
    @Inject(RATE_LIMITING_OPTIONS) private readonly options: RateLimitingOptions,
    @Inject(PrometheusRateLimitMeter) meter: PrometheusRateLimitMeter,
  ) {
    if (options.redisUrl) {
      this.redis = rateLimitRedisConnection(options.redisUrl);
      this.watchStore(this.redis);
    }
    this.backend = this.redis ? redisBackend(this.redis) : memoryBackend();
    const overrides = this.redis
      ? redisQuotaOverrides(this.redis, options.service)
      : localQuotaOverrides();
    this.book = new QuotaBook(options.quotas, overrides);
    this.limiter = new PartitionedRateLimiter({
      name: options.service,
      backend: this.backend,
      quotaOf: (partition, routeClass) => this.book.quotaOf(partition, routeClass),
      mode: options.mode === 'shadow' ? 'shadow' : 'enforce',
      replicas: options.replicas,
      meter,
    });
  }

  onModuleInit(): void {
    const { mode, replicas } = this.options;
    if (!this.redis) {
      this.logger.warn(
        'REDIS_URL is not set: rate-limit counters and quota changes live in this process only, ' +
          'so every replica enforces the whole quota on its own. Set REDIS_URL when running more than one.',
      );
    }
    this.logger.log(`rate limiting: ${mode}, store ${this.backend.kind}, ${replicas} replica(s)`);
    this.refreshTimer = setInterval(() => void this.refresh(), this.options.refreshMs);
    this.refreshTimer.unref();
  }

  describe(): RateLimitsView {
    const { mode, replicas } = this.options;
    return { mode, store: this.backend.kind, replicas, quotas: this.book.current() };
  }

  /** Applies a quota change now and shares it with the other replicas. */
  async change(change: QuotaChange, changedBy: string): Promise<RateLimitsView> {
    await this.book.change(change);
    this.logger.log({ msg: 'rate-limit quotas changed', changedBy, change });
    return this.describe();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.refreshTimer);
    this.redis?.disconnect();
  }

  private async refresh(): Promise<void> {
    // A store that cannot be read keeps the quotas last read; the store watch logs the outage.
    await this.book.refresh().catch(() => undefined);
  }

  /** One log line per change of the store's health, not one per failed command. */
  private watchStore(redis: Redis): void {
    redis.on('error', (error: Error) => {
      if (!this.storeHealthy) return;
      this.storeHealthy = false;
      this.logger.warn(
        `rate-limit store unreachable (${error.message}): failing open on the per-replica insurance limits`,
      );
    });
    redis.on('ready', () => {
      if (this.storeHealthy) return;
      this.storeHealthy = true;
      this.logger.log('rate-limit store reachable again: shared quotas enforced');
    });
  }
}
