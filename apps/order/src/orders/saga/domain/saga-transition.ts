import type { SagaState } from './saga-state.js';
import type { AwaitedStep } from './saga-step.js';
import type { StepRecord } from './step-record.js';

/** What happens to the order itself: the pivot, the end of a compensation, or parking. */
export type OrderChange = 'confirm' | 'cancel' | 'fail-compensation';

/**
 * One decision of the saga, to be stored in one transaction: the new state, the timeline lines it
 * adds, the command it sends (named by its step) and what becomes of the order.
 */
export interface SagaTransition {
  readonly state: SagaState;
  readonly records: readonly StepRecord[];
  readonly send: AwaitedStep | null;
  readonly orderChange: OrderChange | null;
}

/** A message or a timer the saga had no use for, and why (for the log and the metrics). */
export interface SagaIgnored {
  readonly ignored: true;
  readonly why: 'late-or-duplicate' | 'not-due' | 'finished';
}

export type SagaDecision = SagaTransition | SagaIgnored;

export function isIgnored(decision: SagaDecision): decision is SagaIgnored {
  return 'ignored' in decision;
}
