/**
 * How a client treats a callee that answers 429 or 503 with `Retry-After`. Opt-in per client:
 * only calls that are safe to repeat belong on a client that retries (idempotent by key, or
 * reads). A wait never ends beyond the call's deadline, and without a `Retry-After` the call fails
 * at once: the callee, not the caller, decides when trying again makes sense.
 */
export interface RetryAfterPolicy {
  /** Attempts in all, the first included (default 3). */
  maxAttempts?: number;
  /** Longest single wait; a callee asking for more is not retried (default 2000 ms). */
  maxWaitMs?: number;
  /**
   * Each wait is the asked-for delay plus up to this share of it at random (default 0.5), so
   * callers refused together do not all come back in the same instant.
   */
  jitter?: number;
  /** Retries as a share of first attempts, see RetryBudget (default 0.2, plus 5 a second). */
  budgetRatio?: number;
  /** Stands in for Math.random in tests. */
  random?: () => number;
}
