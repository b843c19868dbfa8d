import type { CircuitStateName } from './circuit-state.js';

/** The caller's own time limit: the policy never runs past it, retries included. */
export interface CallerDeadline {
  /** Fires when the caller stops waiting. */
  readonly signal: AbortSignal;
  remainingMs(): number;
}

export interface PolicyCallOptions {
  /** Only idempotent calls (reads) are ever retried. */
  idempotent: boolean;
  deadline?: CallerDeadline;
}

/** A value served in place of a failed call, and where it came from (a metrics label). */
export interface Fallback<T> {
  source: string;
  value: T;
}

export interface FellBack {
  source: string;
  error: unknown;
}

/** A call's value, or the fallback's, with the error that made it fall back. */
export type Served<T> = { value: T; fellBack?: undefined } | { value: T; fellBack: FellBack };

/**
 * How calls to one dependency are made: {@link DependencyPolicy} (timeout, retry, breaker,
 * bulkhead) or {@link PassThroughPolicy} (the call alone, for benchmarks and diagnosis).
 */
export interface CallPolicy {
  readonly dependency: string;
  readonly circuitState: CircuitStateName;
  /**
   * Calls the dependency. `call` must pass the signal it is given to the request, so that a
   * timeout or the caller's deadline aborts it.
   */
  execute<T>(call: (signal: AbortSignal) => Promise<T>, options: PolicyCallOptions): Promise<T>;
  /** {@link execute}, and on any failure the value `fallback` picks for that error. */
  executeOrFallBack<T>(
    call: (signal: AbortSignal) => Promise<T>,
    options: PolicyCallOptions,
    fallback: (error: unknown) => Fallback<T> | Promise<Fallback<T>>,
  ): Promise<Served<T>>;
}
