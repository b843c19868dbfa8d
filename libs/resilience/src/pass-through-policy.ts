import type { CircuitStateName } from './circuit-state.js';
import type { CallPolicy, Fallback, PolicyCallOptions, Served } from './call-policy.js';
import type { PolicyObserver } from './policy-observer.js';
import { serveOrFallBack } from './serve-or-fall-back.js';

const NO_DEADLINE = new AbortController().signal;

/**
 * The no-op variant of a dependency's policy: the call alone, bounded only by the caller's
 * deadline, with no timeout of its own, retry, breaker or bulkhead. Fallbacks still apply and
 * outcomes are still reported, so a page behaves and reads the same, only unprotected. For the P8
 * benchmark's baseline and for ruling the policy out when diagnosing; never the default.
 */
export class PassThroughPolicy implements CallPolicy {
  readonly circuitState: CircuitStateName = 'closed';

  constructor(
    readonly dependency: string,
    private readonly observer: PolicyObserver,
  ) {}

  async execute<T>(
    call: (signal: AbortSignal) => Promise<T>,
    options: PolicyCallOptions,
  ): Promise<T> {
    try {
      const value = await call(options.deadline?.signal ?? NO_DEADLINE);
      this.observer.attempted('success');
      return value;
    } catch (error) {
      this.observer.attempted('failure');
      throw error;
    }
  }

  async executeOrFallBack<T>(
    call: (signal: AbortSignal) => Promise<T>,
    options: PolicyCallOptions,
    fallback: (error: unknown) => Fallback<T> | Promise<Fallback<T>>,
  ): Promise<Served<T>> {
    return serveOrFallBack(() => this.execute(call, options), fallback, this.observer);
  }
}
