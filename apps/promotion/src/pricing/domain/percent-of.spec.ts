import { percentOf } from './percent-of.js';

describe('percentOf', () => {
  it('rounds half a minor unit up', () => {
    expect(percentOf(1990, 5)).toBe(100); // 99.5
  });

  it('rounds less than half a minor unit down', () => {
    expect(percentOf(1989, 5)).toBe(99); // 99.45
  });

  it('takes the whole amount at 100 percent', () => {
    expect(percentOf(12_345, 100)).toBe(12_345);
  });

  it('takes nothing from nothing', () => {
    expect(percentOf(0, 37)).toBe(0);
  });

  it('stays exact for the largest line a quote allows', () => {
    const largestLine = 2_147_483_647 * 999; // a 32-bit list price times the largest quantity
    expect(percentOf(largestLine, 33)).toBe(707_960_933_906);
  });
});
