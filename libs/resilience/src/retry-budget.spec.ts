import { jest } from '@jest/globals';
import { RetryBudget } from './retry-budget.js';

describe('a retry budget', () => {
  afterEach(() => jest.useRealTimers());

  it('allows its floor of retries with no traffic at all', () => {
    const budget = new RetryBudget(0.1, 10_000);
    const granted = Array.from({ length: 50 }, () => budget.tryRetry()).filter(Boolean);

    expect(granted).toHaveLength(RetryBudget.FLOOR);
  });

  it('grows with the calls made: a tenth of a retry per call at ratio 0.1', () => {
    const budget = new RetryBudget(0.1, 10_000);
    for (let i = 0; i < 1_000; i++) budget.recordCall();

    const granted = Array.from({ length: 500 }, () => budget.tryRetry()).filter(Boolean);

    expect(granted).toHaveLength(RetryBudget.FLOOR + 100);
  });

  it('refills as spent retries leave the window', () => {
    jest.useFakeTimers();
    const budget = new RetryBudget(0.1, 10_000);
    while (budget.tryRetry());

    jest.advanceTimersByTime(10_001);

    expect(budget.tryRetry()).toBe(true);
  });
});
