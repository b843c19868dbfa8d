import { z } from 'zod';

/** How long the burst reserve takes to refill: bursts are paid back over this many seconds. */
export const BURST_WINDOW_SECONDS = 10;

/**
 * What one caller may send in one route class: `perSecond` requests in each one-second window,
 * plus a reserve of `burst` requests per {@link BURST_WINDOW_SECONDS} for bursts above that. So in
 * any one second at most `perSecond + burst` are accepted, and over ten seconds at most
 * `10 * perSecond + burst`. A `perSecond` of 0 with no burst shuts the caller out of the class.
 */
export const quotaSchema = z.strictObject({
  perSecond: z.number().int().min(0).max(1_000_000),
  burst: z.number().int().min(0).max(1_000_000),
});

export type Quota = z.output<typeof quotaSchema>;

/** Two quotas that allow the same. */
export function sameQuota(a: Quota, b: Quota): boolean {
  return a.perSecond === b.perSecond && a.burst === b.burst;
}
