import { PassThroughPolicy } from './pass-through-policy.js';
import type { PolicyObserver } from './policy-observer.js';

describe('the pass-through policy', () => {
  const seen: string[] = [];
  const observer: PolicyObserver = {
    attempted: (outcome) => void seen.push(outcome),
    retrying: () => undefined,
    circuitChanged: () => undefined,
    fellBack: (source) => void seen.push(`fallback ${source}`),
  };

  it("makes the call once with the caller's signal, and still falls back", async () => {
    const policy = new PassThroughPolicy('recommendation', observer);
    const deadline = { signal: new AbortController().signal, remainingMs: () => 1_000 };
    let given: AbortSignal | undefined;
    let calls = 0;

    const served = await policy.executeOrFallBack(
      (signal) => ((given = signal), calls++, Promise.reject(new Error('down'))),
      { idempotent: true, deadline },
      () => ({ source: 'empty', value: [] as string[] }),
    );

    expect(served).toMatchObject({ value: [], fellBack: { source: 'empty' } });
    expect(given).toBe(deadline.signal);
    expect(calls).toBe(1);
    expect(seen).toEqual(['failure', 'fallback empty']);
  });
});
