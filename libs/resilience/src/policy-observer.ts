import type { CallOutcome } from './call-outcome.js';
import type { CircuitStateName } from './circuit-state.js';

/**
 * What a dependency's policy reports as it works: the library itself neither logs nor counts, it
 * tells an observer (cockatiel's habit of typed events), so metrics, logs and traces are one
 * implementation ({@link ResilienceMetrics}) and tests can watch with a plain object.
 */
export interface PolicyObserver {
  /** One attempt (or one call refused by the bulkhead) ended. */
  attempted(outcome: CallOutcome): void;
  /** A failed attempt is tried again after `delayMs`. */
  retrying(attempt: number, delayMs: number): void;
  /** The circuit moved. */
  circuitChanged(from: CircuitStateName, to: CircuitStateName): void;
  /** A failed call was answered from a fallback `source`. */
  fellBack(source: string): void;
}

/** An observer that ignores everything: for tests and benchmarks that do not look. */
export const IGNORING_OBSERVER: PolicyObserver = {
  attempted: () => undefined,
  retrying: () => undefined,
  circuitChanged: () => undefined,
  fellBack: () => undefined,
};
