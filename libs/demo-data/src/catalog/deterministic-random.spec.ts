import { deterministicRandom } from './deterministic-random.js';

const take = (next: () => number, count: number) => Array.from({ length: count }, next);

describe('deterministicRandom', () => {
  it('yields the same sequence for the same seed', () => {
    expect(take(deterministicRandom('ELEC-0001'), 5)).toEqual(
      take(deterministicRandom('ELEC-0001'), 5),
    );
  });

  it('yields a different sequence for a different seed', () => {
    expect(take(deterministicRandom('ELEC-0001'), 5)).not.toEqual(
      take(deterministicRandom('ELEC-0002'), 5),
    );
  });

  it('stays within [0, 1) and spreads over the whole range', () => {
    const values = take(deterministicRandom('spread'), 1_000);
    expect(values.every((value) => value >= 0 && value < 1)).toBe(true);
    expect(values.filter((value) => value < 0.5).length).toBeGreaterThan(400);
    expect(values.filter((value) => value >= 0.5).length).toBeGreaterThan(400);
  });
});
