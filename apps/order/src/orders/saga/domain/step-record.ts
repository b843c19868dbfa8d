import type { SagaStep } from './saga-step.js';

/**
 * - started: the step's command was sent (for `confirm-order`: the order was confirmed);
 * - succeeded: its participant confirmed it; failed: its participant refused it (`reason`);
 * - retried: its command was sent again (after a timeout, or by an admin);
 * - timed-out: the saga gave up waiting and compensates;
 * - cancelled: the customer cancelled while it was out;
 * - parked: a compensation got no reply after every attempt (COMPENSATION_FAILED).
 */
export type StepOutcome =
  'started' | 'succeeded' | 'failed' | 'retried' | 'timed-out' | 'cancelled' | 'parked';

/** One line of a saga's timeline: what happened to which step, when and why. */
export interface StepRecord {
  readonly step: SagaStep;
  readonly kind: 'run' | 'compensate';
  readonly outcome: StepOutcome;
  readonly reason: string | null;
  readonly attempt: number;
  readonly at: Date;
}
