/** What a limiter did with a request; `shadow_rejected` was over quota but let through. */
export type RateLimitOutcome = 'allowed' | 'rejected' | 'shadow_rejected';

/**
 * One decision, with what the `RateLimit-*` headers report. `source` says which counters decided:
 * the shared store, the per-replica insurance while the store is unreachable, or none for a route
 * class that is never limited.
 */
export interface RateLimitDecision {
  partition: string;
  routeClass: string;
  outcome: RateLimitOutcome;
  source: 'store' | 'insurance' | 'exempt';
  /** Requests per second of the quota (`RateLimit-Limit`). */
  limit: number;
  /** Requests left in the current one-second window (`RateLimit-Remaining`). */
  remaining: number;
  /** Whole seconds until the window that refused or counted this request ends (≥ 1). */
  resetSeconds: number;
  /** Requests counted in the current window divided by `limit`; above 1 means into the burst. */
  usageRatio: number;
}
