import { runClosedLoop } from './closed-loop.js';

describe('closed loop', () => {
  it('sends the next call as soon as the last one ends, until the time is up', async () => {
    let clock = 0;
    let calls = 0;
    const result = await runClosedLoop({
      connections: 1,
      durationMs: 100,
      now: () => clock,
      // Each call takes 5 ms of the fake clock; every third one fails.
      task: async () => {
        clock += 5;
        if (++calls % 3 === 0) throw new Error('503');
      },
    });
    expect(calls).toBe(20);
    expect(result.errors).toBe(6);
    expect(result.latenciesMs).toEqual(Array(14).fill(5));
    expect(result.elapsedMs).toBe(100);
  });

  it('keeps as many calls in flight as it has connections', async () => {
    let clock = 0;
    let inFlight = 0;
    let mostInFlight = 0;
    await runClosedLoop({
      connections: 3,
      durationMs: 50,
      now: () => clock,
      task: async () => {
        mostInFlight = Math.max(mostInFlight, ++inFlight);
        await Promise.resolve();
        clock += 5;
        inFlight--;
      },
    });
    expect(mostInFlight).toBe(3);
  });
});
