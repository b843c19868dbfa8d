import { jest } from '@jest/globals';
import { WakeUp } from './wake-up.js';

describe('WakeUp', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('returns at once when fired before the wait', async () => {
    const wakeUp = new WakeUp();
    wakeUp.fire();
    await expect(wakeUp.wait(60_000)).resolves.toBeUndefined();
  });

  it('returns as soon as it is fired during the wait', async () => {
    const wakeUp = new WakeUp();
    let woke = false;
    const waiting = wakeUp.wait(60_000).then(() => (woke = true));
    await Promise.resolve();
    expect(woke).toBe(false);
    wakeUp.fire();
    await waiting;
    expect(woke).toBe(true);
  });

  it('returns after the timeout when nobody fires', async () => {
    const wakeUp = new WakeUp();
    let woke = false;
    const waiting = wakeUp.wait(1_000).then(() => (woke = true));
    await jest.advanceTimersByTimeAsync(999);
    expect(woke).toBe(false);
    await jest.advanceTimersByTimeAsync(1);
    await waiting;
    expect(woke).toBe(true);
  });

  it('consumes a fire once: the wait after next waits again', async () => {
    const wakeUp = new WakeUp();
    wakeUp.fire();
    await wakeUp.wait(1_000);
    let woke = false;
    const waiting = wakeUp.wait(1_000).then(() => (woke = true));
    await jest.advanceTimersByTimeAsync(500);
    expect(woke).toBe(false);
    await jest.advanceTimersByTimeAsync(500);
    await waiting;
  });
});
