import { retryAfterMs } from './retry-after.js';
import { RetryBudget } from './retry-budget.js';

describe('retryAfterMs', () => {
  const now = Date.parse('2026-01-05T10:00:00Z');

  it('reads delay-seconds', () => {
    expect(retryAfterMs('2', now)).toBe(2_000);
  });

  it('reads an HTTP-date as the time left until then', () => {
    expect(retryAfterMs('Mon, 05 Jan 2026 10:00:03 GMT', now)).toBe(3_000);
  });

  it('hears nothing in an absent or unreadable header', () => {
    expect(retryAfterMs(undefined, now)).toBeUndefined();
    expect(retryAfterMs('soon', now)).toBeUndefined();
  });
});

describe('RetryBudget', () => {
  it('allows retries only as a share of first attempts once its reserve is spent', () => {
    let clock = 0;
    const budget = new RetryBudget(0.5, 1, () => clock);
    for (let call = 0; call < 4; call++) budget.deposit();

    // One token of reserve plus 4 × 0.5 deposited: three retries, not a fourth.
    expect([1, 2, 3, 4].map(() => budget.tryWithdraw())).toEqual([true, true, true, false]);
    clock += 1_000;
    expect(budget.tryWithdraw()).toBe(true);
  });
});
