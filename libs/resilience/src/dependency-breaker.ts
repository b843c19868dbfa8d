import {
  BrokenCircuitError,
  type CircuitBreakerPolicy,
  CircuitState,
  circuitBreaker,
  handleWhen,
} from 'cockatiel';
import type { DependencyPolicyOptions } from './dependency-policy.options.js';
import { type CircuitStateName, circuitStateName } from './circuit-state.js';
import { RateBreaker } from './rate-breaker.js';

/** An attempt's value, and whether it came late enough to count as a slow call. */
interface Timed<T> {
  value: T;
  slow: boolean;
}

/**
 * The circuit breaker of one dependency: cockatiel's state machine (closed, open, half-open, with
 * its timing) driven by our {@link RateBreaker} rule, plus two things cockatiel does not do:
 *
 * - slow calls count: an attempt that succeeds after `slowCallMs` is recorded as slow and reported
 *   to cockatiel as a failed *result* (its value still reaches the caller);
 * - half-open never makes callers wait: cockatiel admits `halfOpenProbes` probes and parks every
 *   other caller until they decide; here the others are short-circuited at once, so a half-open
 *   circuit neither stampedes the dependency nor stalls the page behind a probe.
 */
export class DependencyBreaker {
  private readonly rule: RateBreaker;
  private readonly circuit: CircuitBreakerPolicy;
  private readonly isFailure: (error: unknown) => boolean;
  private probesAdmitted = 0;
  private current: CircuitStateName = 'closed';

  constructor(
    private readonly options: DependencyPolicyOptions['breaker'] & {
      isFailure: (error: unknown) => boolean;
    },
    private readonly onChange: (from: CircuitStateName, to: CircuitStateName) => void,
  ) {
    this.isFailure = options.isFailure;
    this.rule = new RateBreaker(options);
    this.circuit = circuitBreaker(
      handleWhen(options.isFailure).orWhenResult((result) => (result as Timed<unknown>).slow),
      {
        halfOpenAfter: options.openMs,
        breaker: this.rule,
        // threshold 0: one failed probe reopens the circuit; all must succeed to close it.
        halfOpenSampling: { calls: options.halfOpenProbes, threshold: 0 },
      },
    );
    this.circuit.onStateChange((state) => this.changed(circuitStateName(state)));
  }

  get state(): CircuitStateName {
    return this.current;
  }

  /** Runs `attempt`, or throws cockatiel's `BrokenCircuitError` without calling it. */
  async execute<T>(attempt: (signal: AbortSignal) => Promise<T>, signal: AbortSignal): Promise<T> {
    const probesFull = this.probesAdmitted >= this.options.halfOpenProbes;
    if (this.circuit.state === CircuitState.HalfOpen && probesFull) throw new BrokenCircuitError();
    // Cockatiel moves from open to half-open synchronously inside execute(), so the state read
    // right after the call says whether this call is a probe.
    const running = this.circuit.execute(({ signal: s }) => this.timed(attempt, s), signal);
    if (this.circuit.state === CircuitState.HalfOpen) this.probesAdmitted++;
    return (await running).value;
  }

  private async timed<T>(
    attempt: (signal: AbortSignal) => Promise<T>,
    signal: AbortSignal,
  ): Promise<Timed<T>> {
    const startedAt = Date.now();
    const slowNow = () => Date.now() - startedAt >= this.options.slowCallMs;
    try {
      const value = await attempt(signal);
      const slow = slowNow();
      this.rule.record({ failed: false, slow });
      return { value, slow };
    } catch (error) {
      if (this.isFailure(error)) this.rule.record({ failed: true, slow: slowNow() });
      throw error;
    }
  }

  private changed(to: CircuitStateName): void {
    if (to === 'half_open') this.probesAdmitted = 0;
    const from = this.current;
    this.current = to;
    if (from !== to) this.onChange(from, to);
  }
}
