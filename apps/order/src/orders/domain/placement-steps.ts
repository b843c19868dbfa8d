import type { PlacementFailure } from './placement-failure.js';

/** One call that placing an order makes to another service, and how to take it back. */
export interface PlacementStep {
  readonly name: string;
  run(): Promise<unknown>;
  /**
   * Gives back what `run` took; absent when the step holds nothing. It must be safe to call when
   * `run` did not take effect: it also runs after a `run` whose outcome is unknown.
   */
  readonly undo?: () => Promise<unknown>;
}

/** An undo that did not succeed, for the log and for deciding the order's status. */
export interface FailedUndo {
  readonly step: string;
  readonly error: unknown;
  /** The step surely took effect, so what it took is still held. */
  readonly stepCompleted: boolean;
}

export type PlacementOutcome =
  | { readonly succeeded: true }
  | {
      readonly succeeded: false;
      readonly failedStep: string;
      readonly failure: PlacementFailure;
      readonly failedUndos: readonly FailedUndo[];
    };

/**
 * Runs the steps in order. When one fails, undoes what was done, newest first: the failing step
 * itself when its outcome is unknown (it may have taken effect), then every completed step. Undo
 * failures are reported, never thrown, so every undo gets its chance.
 *
 * `classify` turns a step's error into a placement failure; it returns undefined for errors that
 * are not a dependency's answer (a bug), which propagate untouched.
 */
export async function runPlacementSteps(
  steps: readonly PlacementStep[],
  classify: (error: unknown) => PlacementFailure | undefined,
): Promise<PlacementOutcome> {
  const completed: PlacementStep[] = [];
  for (const step of steps) {
    try {
      await step.run();
      completed.push(step);
    } catch (error) {
      const failure = classify(error);
      if (!failure) throw error;
      const toUndo = [
        ...(failure.kind === 'unavailable' ? [{ step, stepCompleted: false }] : []),
        ...completed.reverse().map((done) => ({ step: done, stepCompleted: true })),
      ];
      return { succeeded: false, failedStep: step.name, failure, failedUndos: await undo(toUndo) };
    }
  }
  return { succeeded: true };
}

async function undo(
  steps: { step: PlacementStep; stepCompleted: boolean }[],
): Promise<FailedUndo[]> {
  const failed: FailedUndo[] = [];
  for (const { step, stepCompleted } of steps) {
    if (!step.undo) continue;
    try {
      await step.undo();
    } catch (error) {
      failed.push({ step: step.name, error, stepCompleted });
    }
  }
  return failed;
}
