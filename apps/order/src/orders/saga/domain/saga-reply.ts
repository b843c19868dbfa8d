import type { AwaitedStep } from './saga-step.js';

/**
 * A participant's answer to a step's command, in the saga's terms. `reason` is an order code
 * (`ORDER.OUT_OF_STOCK`) when the participant refused. Compensations are never refused: a release
 * of what was never taken succeeds and leaves a tombstone.
 */
export type SagaReply =
  | { readonly step: AwaitedStep; readonly outcome: 'succeeded' }
  | { readonly step: AwaitedStep; readonly outcome: 'refused'; readonly reason: string };
