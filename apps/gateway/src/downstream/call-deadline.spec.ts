import { jest } from '@jest/globals';
import { CallDeadline } from './call-deadline.js';

describe('CallDeadline', () => {
  beforeEach(() => {
    jest.useFakeTimers();
  });

  afterEach(() => {
    jest.useRealTimers();
  });

  it('aborts its calls with a TimeoutError once the budget is spent', () => {
    const deadline = CallDeadline.startingNow(3_000);

    jest.advanceTimersByTime(2_999);
    expect(deadline.expired).toBe(false);
    jest.advanceTimersByTime(1);

    expect(deadline.expired).toBe(true);
    expect((deadline.signal.reason as DOMException).name).toBe('TimeoutError');
  });

  it('never fires once released', () => {
    const deadline = CallDeadline.startingNow(3_000);

    deadline.release();
    jest.advanceTimersByTime(10_000);

    expect(deadline.expired).toBe(false);
  });

  it('tells how many whole milliseconds are left', () => {
    const deadline = CallDeadline.startingNow(3_000);

    jest.advanceTimersByTime(1_250);

    expect(deadline.remainingMs()).toBe(1_750);
  });
});
