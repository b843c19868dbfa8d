import { faultPlan, planBounds, spikePlan, steadyPlan } from './phase-plans.js';

const shape = { ratePerSecond: 10, durationMs: 30_000, warmupMs: 10_000 };
const on = [{ service: 'recommendation' as const, set: { hang: true } }];
const off = [{ service: 'recommendation' as const, reset: true as const }];

describe('phase plans', () => {
  it('runs a discarded warm-up before a steady phase, and none when asked for none', () => {
    expect(steadyPlan('browse', shape)).toEqual([
      { name: 'warm-up', ratePerSecond: 10, durationMs: 10_000, discard: true },
      { name: 'browse', ratePerSecond: 10, durationMs: 30_000 },
    ]);
    expect(steadyPlan('browse', { ...shape, warmupMs: 0 }).map((p) => p.name)).toEqual(['browse']);
  });

  it('sets the faulty and healed phases beside the healthy baseline, resetting faults first', () => {
    const phases = faultPlan(shape, {
      baseline: 'healthy',
      faulty: 'hung',
      healed: 'healed',
      on,
      off,
    });
    expect(phases.map((p) => [p.name, p.baseline, p.faults])).toEqual([
      ['warm-up', undefined, off],
      ['healthy', undefined, undefined],
      ['hung', 'healthy', on],
      ['healed', 'healthy', off],
    ]);
    expect(phases.every((p) => p.ratePerSecond === 10)).toBe(true);
  });

  it('resets faults at the baseline itself when there is no warm-up', () => {
    const phases = faultPlan(
      { ...shape, warmupMs: 0 },
      { baseline: 'no flood', faulty: 'flood', on, off },
    );
    expect(phases.map((p) => [p.name, p.faults])).toEqual([
      ['no flood', off],
      ['flood', on],
    ]);
  });

  it('rises fivefold for a third of a phase and falls back, both compared with before', () => {
    const phases = spikePlan({ ...shape, warmupMs: 0 });
    expect(phases).toEqual([
      { name: 'before', ratePerSecond: 10, durationMs: 30_000 },
      { name: 'spike x5', ratePerSecond: 50, durationMs: 10_000, baseline: 'before' },
      { name: 'after', ratePerSecond: 10, durationMs: 30_000, baseline: 'before' },
    ]);
  });

  it('keeps even a short spike at least a second long', () => {
    expect(spikePlan({ ratePerSecond: 1, durationMs: 1_500, warmupMs: 0 })[1]!.durationMs).toBe(
      1_000,
    );
  });

  it('states its bounds: arrivals and seconds', () => {
    expect(planBounds(spikePlan(shape))).toEqual({
      arrivals: 100 + 300 + 500 + 300,
      seconds: 10 + 30 + 10 + 30,
    });
  });
});
