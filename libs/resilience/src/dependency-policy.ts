import { setMaxListeners } from 'node:events';
import { trace } from '@opentelemetry/api';
import {
  BrokenCircuitError,
  BulkheadRejectedError,
  type BulkheadPolicy,
  bulkhead,
  TaskCancelledError,
} from 'cockatiel';
import { withAttemptTimeout } from './attempt-timeout.js';
import { outcomeOfError } from './call-outcome.js';
import type { CallPolicy, Fallback, PolicyCallOptions, Served } from './call-policy.js';
import type { CircuitStateName } from './circuit-state.js';
import { DependencyBreaker } from './dependency-breaker.js';
import type { DependencyPolicyOptions } from './dependency-policy.options.js';
import { type PolicyObserver } from './policy-observer.js';
import { RetryBudget } from './retry-budget.js';
import { serveOrFallBack } from './serve-or-fall-back.js';

/** The signal of calls without a deadline; every call in flight listens to it, hence no limit. */
const NEVER = new AbortController().signal;
setMaxListeners(0, NEVER);
const MAX_BACKOFF_FACTOR = 8;

/**
 * Every call to one dependency goes through one of these, composed outside in as
 * `fallback(bulkhead(retry(breaker(timeout(call)))))`:
 *
 * - the bulkhead holds a slot for the whole call, retries included, so a hung dependency ties up
 *   at most `maxConcurrent + queue` of the caller's requests;
 * - retries go through the breaker one by one, so an open circuit also stops retries;
 * - each attempt has its own timeout, and its signal aborts the request underneath (undici);
 * - nothing outlives the caller's deadline: a retry starts only if a full attempt still fits,
 *   and the call settles when the deadline fires even while it waits for a bulkhead slot.
 *
 * Mechanics come from cockatiel (breaker state machine, bulkhead); the rest is small and ours:
 * the rate rule with slow calls, non-blocking half-open, the retry budget, the attempt timeout,
 * deadlines (ADR 0007 says why each).
 */
export class DependencyPolicy implements CallPolicy {
  readonly dependency: string;
  private readonly breaker: DependencyBreaker;
  private readonly bulkhead: BulkheadPolicy;
  private readonly budget: RetryBudget;
  private readonly isFailure: (error: unknown) => boolean;

  constructor(
    private readonly options: DependencyPolicyOptions,
    private readonly observer: PolicyObserver,
  ) {
    this.dependency = options.dependency;
    const callerSays = options.isFailure ?? (() => true);
    // A timed-out attempt is a failure whatever the caller's rule says.
    this.isFailure = (error) => error instanceof TaskCancelledError || callerSays(error);
    this.breaker = new DependencyBreaker(
      { ...options.breaker, isFailure: this.isFailure },
      (from, to) => this.circuitChanged(from, to),
    );
    this.bulkhead = bulkhead(options.bulkhead.maxConcurrent, options.bulkhead.queue);
    this.budget = new RetryBudget(options.retry.budgetRatio, options.breaker.windowMs);
  }

  get circuitState(): CircuitStateName {
    return this.breaker.state;
  }

  /**
   * Calls the dependency through the policy. `call` must pass the signal it is given to the
   * request, so that a timeout or the caller's deadline aborts it.
   * @throws the call's own error, or cockatiel's `BrokenCircuitError` (short-circuited),
   * `BulkheadRejectedError` or `TaskCancelledError` (timed out).
   */
  async execute<T>(
    call: (signal: AbortSignal) => Promise<T>,
    options: PolicyCallOptions,
  ): Promise<T> {
    const signal = options.deadline?.signal ?? NEVER;
    try {
      const guarded = this.bulkhead.execute(() => this.withRetries(call, options), signal);
      return await settleByDeadline(guarded, signal);
    } catch (error) {
      if (error instanceof BulkheadRejectedError) this.observer.attempted('bulkhead_rejected');
      throw error;
    }
  }

  /** {@link execute}, and on any failure the value `fallback` picks for that error. */
  async executeOrFallBack<T>(
    call: (signal: AbortSignal) => Promise<T>,
    options: PolicyCallOptions,
    fallback: (error: unknown) => Fallback<T> | Promise<Fallback<T>>,
  ): Promise<Served<T>> {
    return serveOrFallBack(() => this.execute(call, options), fallback, this.observer);
  }

  private async withRetries<T>(
    call: (signal: AbortSignal) => Promise<T>,
    options: PolicyCallOptions,
  ): Promise<T> {
    this.budget.recordCall();
    for (let retries = 0; ; retries++) {
      try {
        return await this.attempt(call, options.deadline?.signal ?? NEVER);
      } catch (error) {
        const delayMs = this.backoffMs(retries);
        if (!this.mayRetry(error, retries, delayMs, options)) throw error;
        this.observer.retrying(retries + 1, delayMs);
        await delay(delayMs, options.deadline?.signal ?? NEVER);
      }
    }
  }

  private async attempt<T>(call: (signal: AbortSignal) => Promise<T>, signal: AbortSignal) {
    try {
      const value = await this.breaker.execute(
        (breakerSignal) => withAttemptTimeout(call, this.options.timeoutMs, breakerSignal),
        signal,
      );
      this.observer.attempted('success');
      return value;
    } catch (error) {
      const outcome = outcomeOfError(error, this.isFailure);
      this.observer.attempted(outcome);
      if (outcome !== 'success') {
        trace.getActiveSpan()?.addEvent('resilience.attempt_failed', {
          'resilience.dependency': this.dependency,
          'resilience.outcome': outcome,
          'resilience.circuit.state': this.breaker.state,
        });
      }
      throw error;
    }
  }

  private mayRetry(
    error: unknown,
    retries: number,
    delayMs: number,
    { idempotent, deadline }: PolicyCallOptions,
  ): boolean {
    if (!idempotent || retries >= this.options.retry.maxRetries) return false;
    // An open circuit is not retried into, and an answer (a 404) is not a failure.
    if (error instanceof BrokenCircuitError || !this.isFailure(error)) return false;
    if (
      deadline &&
      (deadline.signal.aborted || deadline.remainingMs() < delayMs + this.options.timeoutMs)
    ) {
      return false;
    }
    return this.budget.tryRetry();
  }

  /** Exponential backoff with full jitter: a random wait up to base x 2^n, capped at 8x base. */
  private backoffMs(retries: number): number {
    const ceiling = this.options.retry.backoffMs * Math.min(MAX_BACKOFF_FACTOR, 2 ** retries);
    return Math.round(Math.random() * ceiling);
  }

  private circuitChanged(from: CircuitStateName, to: CircuitStateName): void {
    trace.getActiveSpan()?.addEvent('circuit_breaker.transition', {
      'resilience.dependency': this.dependency,
      'resilience.circuit.from': from,
      'resilience.circuit.to': to,
    });
    this.observer.circuitChanged(from, to);
  }
}

/** `promise`, or a timeout error as soon as `signal` fires, whichever comes first. */
function settleByDeadline<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal === NEVER) return promise;
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new TaskCancelledError('The caller stopped waiting'));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
    if (signal.aborted) onAbort();
  });
}

function delay(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
  });
}
