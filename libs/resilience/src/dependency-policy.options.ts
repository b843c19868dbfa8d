/**
 * How one dependency is called. Every number is a setting a deployment may change (see
 * {@link dependencyPolicyVariables}); docs/resilience.md says why each default has its value.
 */
export interface DependencyPolicyOptions {
  /** The callee's name: metrics label, log field, span attribute. */
  dependency: string;
  /** One attempt's time limit; the call is aborted (its signal fires) when it runs out. */
  timeoutMs: number;
  retry: {
    /** Extra attempts after the first, for idempotent calls only. 0 turns retries off. */
    maxRetries: number;
    /** First backoff; each next one doubles, capped at 8x, and a random part of it is waited. */
    backoffMs: number;
    /** Retries may be at most this fraction of the calls made in the breaker's window. */
    budgetRatio: number;
  };
  breaker: {
    /** Opens when at least this fraction (0..1] of the calls in the window failed... */
    failureRate: number;
    /** ...or at least this fraction of them took `slowCallMs` or longer... */
    slowCallRate: number;
    slowCallMs: number;
    /** ...over this sliding window... */
    windowMs: number;
    /** ...once it holds at least this many calls. */
    minimumCalls: number;
    /** How long it stays open before the next call is let through as a probe. */
    openMs: number;
    /** Probes admitted while half-open; all must succeed to close it, one failure reopens it. */
    halfOpenProbes: number;
  };
  bulkhead: {
    /** Calls running at once. */
    maxConcurrent: number;
    /** Calls waiting for a slot; beyond that a call is refused at once. */
    queue: number;
  };
  /**
   * Whether an error is the dependency failing (counts against the breaker, may be retried) rather
   * than an answer such as a 404. Every error is a failure unless told otherwise.
   */
  isFailure?: (error: unknown) => boolean;
}
