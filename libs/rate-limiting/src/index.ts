export { type LimiterBackend, memoryBackend, redisBackend } from './limiter-backend.js';
export {
  PartitionedRateLimiter,
  type PartitionedRateLimiterOptions,
  type RateLimitMode,
  type RateLimitRequest,
} from './partitioned-rate-limiter.js';
export { BURST_WINDOW_SECONDS, type Quota, quotaSchema } from './quota.js';
export { QuotaBook } from './quota-book.js';
export {
  localQuotaOverrides,
  type QuotaOverridesStore,
  redisQuotaOverrides,
} from './quota-overrides.store.js';
export {
  type QuotaChange,
  quotaChangeSchema,
  type QuotaTable,
  quotaTableSchema,
} from './quota-table.js';
export { quotaTableVariable } from './quota-table.variable.js';
export type { RateLimitDecision, RateLimitOutcome } from './rate-limit-decision.js';
export { type RateLimitMeter, silentMeter } from './rate-limit-meter.js';
export {
  RATE_LIMIT_DECISIONS,
  RATE_LIMIT_INSURANCE_ACTIVATIONS,
  RATE_LIMIT_QUOTA_USAGE,
  RATE_LIMIT_STORE_ERRORS,
} from './rate-limit-metrics.js';
export { RateLimitingModule } from './rate-limiting.module.js';
export type { RateLimitingOptions, RouteClassification } from './rate-limiting.options.js';
export { RateLimits, type RateLimitsView } from './rate-limits.js';
export { rateLimitRedisConnection } from './redis-connection.js';
