import { unregisteredFaultInjectionActive } from './fault-injection.metrics.js';
import { FaultSettings } from './fault-settings.js';
import type { FaultTrigger } from './fault-trigger.js';

// A type alias, as `z.output` gives: an interface would need an index signature to count as
// settings, and that would hide which keys are triggers.
type ExampleFaults = {
  reserveStock?: FaultTrigger<'fail' | 'no-reply'>;
  latencyMs?: number;
  hang?: boolean;
};

const FAULTS = ['reserveStock', 'latencyMs', 'hang'];

function settingsFor(enabled: boolean, random: () => number = Math.random) {
  const gauge = unregisteredFaultInjectionActive();
  const settings = new FaultSettings<ExampleFaults>({ enabled, faults: FAULTS, gauge, random });
  const active = async () =>
    Object.fromEntries(
      (await gauge.get()).values.map(({ labels, value }) => [String(labels.fault), value]),
    );
  return { settings, active };
}

describe('FaultSettings', () => {
  it('starts with nothing injected and every fault reported inactive', async () => {
    const { settings, active } = settingsFor(true);
    expect(settings.current()).toEqual({});
    expect(settings.pull('reserveStock')).toBeUndefined();
    expect(await active()).toEqual({ reserveStock: 0, latencyMs: 0, hang: 0 });
  });

  it('merges a change into the current settings and keeps what it does not mention', async () => {
    const { settings, active } = settingsFor(true);
    settings.merge({ latencyMs: 200 }, 'gateway');
    settings.merge({ hang: true }, 'gateway');
    expect(settings.current()).toEqual({ latencyMs: 200, hang: true });
    expect(await active()).toEqual({ reserveStock: 0, latencyMs: 1, hang: 1 });
  });

  it('clears one fault given null and reports false or 0 as inactive', async () => {
    const { settings, active } = settingsFor(true);
    settings.merge({ latencyMs: 200, hang: true }, 'gateway');
    settings.merge({ latencyMs: null, hang: false }, 'gateway');
    expect(settings.current()).toEqual({ hang: false });
    expect(await active()).toEqual({ reserveStock: 0, latencyMs: 0, hang: 0 });
  });

  it('clears everything on reset', async () => {
    const { settings, active } = settingsFor(true);
    settings.merge({ latencyMs: 200, reserveStock: { mode: 'fail' } }, 'gateway');
    settings.reset('gateway');
    expect(settings.current()).toEqual({});
    expect(await active()).toEqual({ reserveStock: 0, latencyMs: 0, hang: 0 });
  });

  it('counts a next-N trigger down in the visible settings and clears it when used up', async () => {
    const { settings, active } = settingsFor(true);
    settings.merge({ reserveStock: { mode: 'no-reply', next: 2 } }, 'gateway');
    expect(settings.pull('reserveStock')).toBe('no-reply');
    expect(settings.current()).toEqual({ reserveStock: { mode: 'no-reply', next: 1 } });
    expect(await active()).toMatchObject({ reserveStock: 1 });
    expect(settings.pull('reserveStock')).toBe('no-reply');
    expect(settings.pull('reserveStock')).toBeUndefined();
    expect(settings.current()).toEqual({});
    expect(await active()).toMatchObject({ reserveStock: 0 });
  });

  it('hands the last of N faults to exactly one of many concurrent calls', async () => {
    const { settings } = settingsFor(true);
    settings.merge({ reserveStock: { mode: 'fail', next: 3 } }, 'gateway');
    const faults = await Promise.all(
      Array.from({ length: 50 }, async () => {
        await Promise.resolve();
        return settings.pull('reserveStock');
      }),
    );
    expect(faults.filter((fault) => fault === 'fail')).toHaveLength(3);
  });

  it('draws the percentage from the random source it was given', () => {
    const draws = [0.5, 0.05];
    const { settings } = settingsFor(true, () => draws.shift() ?? 1);
    settings.merge({ reserveStock: { mode: 'fail', percent: 10 } }, 'gateway');
    expect(settings.pull('reserveStock')).toBeUndefined();
    expect(settings.pull('reserveStock')).toBe('fail');
  });

  it('never fires when fault injection is off', () => {
    const { settings } = settingsFor(false);
    settings.merge({ reserveStock: { mode: 'fail' } }, 'gateway');
    expect(settings.enabled).toBe(false);
    expect(settings.pull('reserveStock')).toBeUndefined();
  });
});
