import { CircuitState, type IBreaker } from 'cockatiel';
import { SlidingCounts } from './sliding-counts.js';

export interface RateBreakerOptions {
  failureRate: number;
  slowCallRate: number;
  windowMs: number;
  minimumCalls: number;
}

/** How one call through the breaker ended. */
export interface CallRecord {
  failed: boolean;
  slow: boolean;
}

/**
 * The decision rule of the circuit breaker, plugged into cockatiel's breaker: open when, over the
 * sliding window and with at least `minimumCalls` calls in it, the failure rate or the slow-call
 * rate reaches its threshold. Cockatiel's own samplers count failures only; a dependency that
 * answers but takes 2 s is as bad for the page as one that fails, so slow calls are a rate of
 * their own (as in Resilience4j). Calls are recorded by the policy as they end
 * ({@link record}); cockatiel asks {@link failure} whether to open after a failed or slow one.
 */
export class RateBreaker implements IBreaker {
  private readonly window: SlidingCounts<'call' | 'failure' | 'slow'>;

  constructor(private readonly options: RateBreakerOptions) {
    this.window = new SlidingCounts(options.windowMs);
  }

  /** Not serialised: a breaker's memory is per process and starts empty. */
  get state(): unknown {
    return null;
  }

  set state(_ignored: unknown) {
    // Nothing to restore; see the getter.
  }

  record({ failed, slow }: CallRecord): void {
    this.window.add('call');
    if (failed) this.window.add('failure');
    if (slow) this.window.add('slow');
  }

  success(state: CircuitState): void {
    // Closing after a good probe starts a fresh window: the failures that opened it are history.
    if (state === CircuitState.HalfOpen) this.window.reset();
  }

  failure(state: CircuitState): boolean {
    if (state !== CircuitState.Closed) return true;
    const calls = this.window.total('call');
    if (calls < this.options.minimumCalls) return false;
    return (
      this.window.total('failure') >= this.options.failureRate * calls ||
      this.window.total('slow') >= this.options.slowCallRate * calls
    );
  }
}
