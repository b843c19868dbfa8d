/**
 * The steps of placing an order, in the order they run. `confirm-order` is the pivot: a local
 * change with no reply to wait for. Before it, a failure compensates; after it, only retries.
 */
export type ForwardStep = 'reserve-stock' | 'redeem-coupon' | 'confirm-order' | 'commit-stock';

/** What gives back what a forward step took; run newest first. */
export type CompensationStep = 'release-coupon' | 'release-stock';

export type SagaStep = ForwardStep | CompensationStep;

/** The steps that send a command and wait for the participant's reply. */
export type AwaitedStep = Exclude<SagaStep, 'confirm-order'>;

/** Forward steps before the pivot: the only ones a failure (or the customer) can undo. */
export type CompensableStep = 'reserve-stock' | 'redeem-coupon';

export const COMPENSATION_OF: Readonly<Record<CompensableStep, CompensationStep>> = {
  'reserve-stock': 'release-stock',
  'redeem-coupon': 'release-coupon',
};

/** What a forward step before the pivot holds for sure once it has been reached: its predecessors. */
const HELD_BEFORE: Readonly<Record<CompensableStep, readonly CompensationStep[]>> = {
  'reserve-stock': [],
  'redeem-coupon': ['release-stock'],
};

/**
 * The compensations that give back what the saga may hold when `step` stops it, newest first.
 * `stepMayHaveTakenEffect` is false when the participant refused the step (it surely changed
 * nothing), true when its outcome is unknown (no reply in time, or the customer cancelled while
 * the command was out): then the step itself is undone too, just in case. Undoing something that
 * never happened is safe: a release that arrives before its command leaves a tombstone there.
 */
export function compensationsFor(
  step: CompensableStep,
  stepMayHaveTakenEffect: boolean,
): CompensationStep[] {
  return [...(stepMayHaveTakenEffect ? [COMPENSATION_OF[step]] : []), ...HELD_BEFORE[step]];
}

export function isCompensable(step: SagaStep | null): step is CompensableStep {
  return step === 'reserve-stock' || step === 'redeem-coupon';
}

export function isCompensation(step: SagaStep | null): step is CompensationStep {
  return step === 'release-coupon' || step === 'release-stock';
}
