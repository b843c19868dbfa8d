import type { SagaStatus } from './saga-status.js';
import type { AwaitedStep, CompensationStep } from './saga-step.js';

/** Everything the orchestrator needs to know to take a saga's next decision; persisted as is. */
export interface SagaState {
  readonly orderId: string;
  /** Whether the order has a coupon to redeem (and so a coupon step). */
  readonly hasCoupon: boolean;
  readonly status: SagaStatus;
  /** The step waiting for its reply; null once the saga is over. */
  readonly step: AwaitedStep | null;
  /** Which attempt of `step` is out (1 for the first send). */
  readonly attempt: number;
  /** Compensations still to run after the current one, in the order they will run. */
  readonly compensationsLeft: readonly CompensationStep[];
  /** Why the saga compensates (`ORDER.OUT_OF_STOCK`, ...); null while it goes forward. */
  readonly reason: string | null;
  readonly startedAt: Date;
  /** The pivot must be reached by then, or the saga compensates with `ORDER.SAGA_TIMEOUT`. */
  readonly deadline: Date;
  /** When the current step times out; null when nothing will happen without a message or an admin. */
  readonly nextActionAt: Date | null;
}
