import { z } from 'zod';
import { millisecondsVariable } from '#libs/config';
import { type QuotaTable, quotaTableVariable } from '#libs/rate-limiting';

/**
 * The quotas when RATE_LIMIT_QUOTAS does not say otherwise. The gateway and order carry the
 * user-facing traffic; product needs promotion for nothing in normal operation, so it gets little
 * (which is what contains it when it misbehaves); any other authenticated caller gets `default`.
 */
export const DEFAULT_PROMOTION_QUOTAS: QuotaTable = {
  default: { perSecond: 5, burst: 5 },
  callers: {
    gateway: {
      quote: { perSecond: 1_000, burst: 500 },
      coupon: { perSecond: 100, burst: 50 },
      admin: { perSecond: 100, burst: 50 },
    },
    order: {
      quote: { perSecond: 500, burst: 250 },
      coupon: { perSecond: 250, burst: 125 },
    },
    product: { quote: { perSecond: 20, burst: 10 } },
  },
};

/** The promotion service's rate-limiting variables (docs/rate-limiting.md). */
export const rateLimitEnv = {
  // The shared store of counters and runtime quota changes; without it, each replica on its own.
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\/[^\s]+$/, { message: 'must be a redis:// URL' })
    .optional(),
  // `shadow` evaluates and meters every request but refuses none: for trying quotas out. `off`
  // takes the limiter out of the path (the baseline of benchmark P8).
  RATE_LIMIT_MODE: z
    .enum(['enforce', 'shadow', 'off'], { message: 'must be enforce, shadow or off' })
    .default('enforce'),
  RATE_LIMIT_QUOTAS: quotaTableVariable(DEFAULT_PROMOTION_QUOTAS),
  // Replicas sharing the quotas: while Redis is unreachable each enforces 1/n of every quota.
  RATE_LIMIT_REPLICAS: z.coerce
    .number({ message: 'must be a whole number of replicas' })
    .int({ message: 'must be a whole number of replicas' })
    .min(1, { message: 'must be at least 1' })
    .max(1_000, { message: 'must be at most 1000' })
    .default(1),
  RATE_LIMIT_QUOTA_REFRESH_MS: millisecondsVariable(2_000),
};
