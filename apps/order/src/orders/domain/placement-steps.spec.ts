import type { PlacementFailure } from './placement-failure.js';
import { type PlacementStep, runPlacementSteps } from './placement-steps.js';

class Refused extends Error {}
class NoAnswer extends Error {}

const refusal: PlacementFailure = { code: 'ORDER.OUT_OF_STOCK', kind: 'conflict', detail: 'x' };
const outage: PlacementFailure = {
  code: 'ORDER.DEPENDENCY_UNAVAILABLE',
  kind: 'unavailable',
  detail: 'x',
};

/** Classifies the two test errors the way the real classifier treats answers and silence. */
const classify = (error: unknown) =>
  error instanceof Refused ? refusal : error instanceof NoAnswer ? outage : undefined;

describe('runPlacementSteps', () => {
  let journal: string[];

  beforeEach(() => {
    journal = [];
  });

  /** A step that records what ran; `fails` and `undoFails` make it throw. */
  function step(
    name: string,
    {
      fails,
      undoFails,
      undoable = true,
    }: { fails?: Error; undoFails?: boolean; undoable?: boolean } = {},
  ): PlacementStep {
    return {
      name,
      run: async () => {
        journal.push(name);
        if (fails) throw fails;
      },
      undo: undoable
        ? async () => {
            journal.push(`undo ${name}`);
            if (undoFails) throw new NoAnswer(`undo ${name} failed`);
          }
        : undefined,
    };
  }

  it('runs every step in order and undoes nothing when all succeed', async () => {
    const outcome = await runPlacementSteps(
      [step('reserve'), step('redeem'), step('commit')],
      classify,
    );
    expect(outcome).toEqual({ succeeded: true });
    expect(journal).toEqual(['reserve', 'redeem', 'commit']);
  });

  it('undoes the completed steps newest first when a step is refused, but not the refused one', async () => {
    const outcome = await runPlacementSteps(
      [step('reserve'), step('redeem'), step('commit', { fails: new Refused() })],
      classify,
    );
    expect(journal).toEqual(['reserve', 'redeem', 'commit', 'undo redeem', 'undo reserve']);
    expect(outcome).toEqual({
      succeeded: false,
      failedStep: 'commit',
      failure: refusal,
      failedUndos: [],
    });
  });

  it('stops at the failing step and never runs the ones after it', async () => {
    await runPlacementSteps([step('reserve', { fails: new Refused() }), step('redeem')], classify);
    expect(journal).toEqual(['reserve']);
  });

  it('also undoes a step that got no answer, since it may have taken effect', async () => {
    await runPlacementSteps([step('reserve'), step('redeem', { fails: new NoAnswer() })], classify);
    expect(journal).toEqual(['reserve', 'redeem', 'undo redeem', 'undo reserve']);
  });

  it('skips steps that hold nothing to undo', async () => {
    await runPlacementSteps(
      [step('reserve'), step('commit', { fails: new NoAnswer(), undoable: false })],
      classify,
    );
    expect(journal).toEqual(['reserve', 'commit', 'undo reserve']);
  });

  it('tries every undo even when one fails, and says which held something', async () => {
    const outcome = await runPlacementSteps(
      [
        step('reserve', { undoFails: true }),
        step('redeem', { fails: new NoAnswer(), undoFails: true }),
      ],
      classify,
    );
    expect(journal).toEqual(['reserve', 'redeem', 'undo redeem', 'undo reserve']);
    expect(outcome.succeeded === false && outcome.failedUndos).toEqual([
      { step: 'redeem', error: expect.any(NoAnswer), stepCompleted: false },
      { step: 'reserve', error: expect.any(NoAnswer), stepCompleted: true },
    ]);
  });

  it('lets an error that is no dependency answer through without undoing anything', async () => {
    const bug = new TypeError('bug');
    await expect(
      runPlacementSteps([step('reserve'), step('redeem', { fails: bug })], classify),
    ).rejects.toBe(bug);
    expect(journal).toEqual(['reserve', 'redeem']);
  });
});
