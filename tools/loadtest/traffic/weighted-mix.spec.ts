import { weightedMix } from './weighted-mix.js';

describe('weighted mix', () => {
  const choices = [
    { weight: 3, value: 'listing' },
    { weight: 1, value: 'search' },
    { weight: 0, value: 'never' },
  ];

  it('maps the random draw onto the weights in order', () => {
    const draws = [0, 0.5, 0.7499, 0.75, 0.9999];
    const pick = weightedMix(choices, () => draws.shift()!);
    expect(Array.from({ length: 5 }, () => pick())).toEqual([
      'listing',
      'listing',
      'listing',
      'search',
      'search',
    ]);
  });

  it('makes each choice in proportion to its weight over many draws', () => {
    let seed = 1;
    // A small linear congruential generator: deterministic, evenly spread.
    const random = () => (seed = (seed * 48_271) % 2_147_483_647) / 2_147_483_647;
    const pick = weightedMix(choices, random);
    const counts: Record<string, number> = {};
    for (let i = 0; i < 40_000; i++) {
      const value = pick();
      counts[value] = (counts[value] ?? 0) + 1;
    }
    const total = Object.values(counts).reduce((a, b) => a + b, 0);
    expect(counts.listing! / total).toBeCloseTo(0.75, 1);
    expect(counts.search! / total).toBeCloseTo(0.25, 1);
    expect(counts.never).toBeUndefined();
  });

  it('refuses an empty mix and weights that add up to nothing or go negative', () => {
    expect(() => weightedMix([])).toThrow();
    expect(() => weightedMix([{ weight: 0, value: 1 }])).toThrow(/positive/);
    expect(() =>
      weightedMix([
        { weight: -1, value: 1 },
        { weight: 2, value: 2 },
      ]),
    ).toThrow();
  });
});
