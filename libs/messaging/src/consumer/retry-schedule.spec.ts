import { retryDelayMs } from './retry-schedule.js';

describe('retryDelayMs', () => {
  it('doubles with every attempt', () => {
    const noJitter = () => 1;
    expect([1, 2, 3, 4].map((attempt) => retryDelayMs(attempt, noJitter))).toEqual([
      100, 200, 400, 800,
    ]);
  });

  it('never exceeds five seconds', () => {
    expect(retryDelayMs(30, () => 1)).toBe(5_000);
  });

  it('spreads retries between half and all of the ceiling', () => {
    expect(retryDelayMs(3, () => 0)).toBe(200);
    expect(retryDelayMs(3, () => 0.5)).toBe(300);
  });
});
