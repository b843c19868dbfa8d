import { SCENARIOS } from './scenarios.js';

const shape = { ratePerSecond: 10, durationMs: 20_000, warmupMs: 5_000 };

describe('the scenarios', () => {
  it('offers the six scenarios of the issue, each under its own name', () => {
    expect(Object.keys(SCENARIOS)).toEqual([
      'browse',
      'checkout',
      'recommendation-outage',
      'promotion-flood',
      'saga-failures',
      'spike',
    ]);
    for (const [name, scenario] of Object.entries(SCENARIOS)) expect(scenario.name).toBe(name);
  });

  it.each(Object.values(SCENARIOS))(
    '$name compares only with phases it runs earlier',
    (scenario) => {
      const phases = scenario.plan(shape);
      phases.forEach((phase, index) => {
        if (!phase.baseline) return;
        const baseline = phases.findIndex((p) => p.name === phase.baseline);
        expect(baseline).toBeGreaterThanOrEqual(0);
        expect(baseline).toBeLessThan(index);
        expect(phases[baseline]!.discard).toBeFalsy();
      });
    },
  );

  it.each(Object.values(SCENARIOS))(
    '$name declares every service whose faults it switches, and resets them before its baseline',
    (scenario) => {
      const phases = scenario.plan(shape);
      const touched = new Set(phases.flatMap((p) => p.faults ?? []).map((f) => f.service));
      expect([...touched].sort()).toEqual([...scenario.faultServices].sort());
      const firstFaults = phases.find((p) => p.faults)?.faults ?? [];
      expect(firstFaults.every((change) => 'reset' in change)).toBe(true);
    },
  );

  it('keeps the flood on for the whole phase, within what product allows', () => {
    const flood = (durationMs: number) =>
      SCENARIOS['promotion-flood']!.plan({ ...shape, durationMs })
        .flatMap((p) => p.faults ?? [])
        .find((f) => 'set' in f);
    expect(flood(120_000)).toMatchObject({ set: { promotionFlood: { durationSeconds: 130 } } });
    expect(flood(600_000)).toMatchObject({ set: { promotionFlood: { durationSeconds: 600 } } });
  });

  it('sets the faults the shared interface names', () => {
    const faultsOf = (name: string) =>
      SCENARIOS[name]!.plan(shape).flatMap((p) => (p.faults ?? []).filter((f) => 'set' in f));
    expect(faultsOf('recommendation-outage')).toEqual([
      { service: 'recommendation', set: { hang: true } },
    ]);
    expect(faultsOf('promotion-flood')).toEqual([
      { service: 'product', set: { promotionFlood: { enabled: true, durationSeconds: 30 } } },
    ]);
    expect(faultsOf('saga-failures')).toEqual([
      { service: 'product', set: { reserveStock: { mode: 'fail', percent: 20 } } },
      { service: 'promotion', set: { redeemCoupon: { mode: 'fail', percent: 20 } } },
    ]);
  });
});
