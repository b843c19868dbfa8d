import { jest } from '@jest/globals';
import { BulkheadRejectedError, TaskCancelledError } from 'cockatiel';
import type { CallOutcome } from './call-outcome.js';
import type { CallerDeadline } from './call-policy.js';
import { DependencyPolicy } from './dependency-policy.js';
import type { DependencyPolicyOptions } from './dependency-policy.options.js';
import type { PolicyObserver } from './policy-observer.js';

const options: DependencyPolicyOptions = {
  dependency: 'recommendation',
  timeoutMs: 250,
  retry: { maxRetries: 1, backoffMs: 20, budgetRatio: 0.1 },
  breaker: {
    failureRate: 0.5,
    slowCallRate: 0.8,
    slowCallMs: 200,
    windowMs: 10_000,
    minimumCalls: 20,
    openMs: 5_000,
    halfOpenProbes: 3,
  },
  bulkhead: { maxConcurrent: 16, queue: 16 },
};

/** Remembers what the policy reported. */
function recordingObserver() {
  const seen = { outcomes: [] as CallOutcome[], retries: 0, fallbacks: [] as string[] };
  const observer: PolicyObserver = {
    attempted: (outcome) => void seen.outcomes.push(outcome),
    retrying: () => void seen.retries++,
    circuitChanged: () => undefined,
    fellBack: (source) => void seen.fallbacks.push(source),
  };
  return { seen, observer };
}

/** A dependency that never answers until its signal aborts it, counting calls in flight. */
function hungDependency() {
  const state = { running: 0, maxRunning: 0, started: 0, aborted: 0 };
  const call = (signal: AbortSignal) => {
    state.started++;
    state.running++;
    state.maxRunning = Math.max(state.maxRunning, state.running);
    return new Promise<never>((_, reject) =>
      signal.addEventListener('abort', () => {
        state.running--;
        state.aborted++;
        reject(new Error('aborted'));
      }),
    );
  };
  return { state, call };
}

function deadlineOf(ms: number): CallerDeadline {
  const endsAt = Date.now() + ms;
  return { signal: AbortSignal.timeout(ms), remainingMs: () => Math.max(0, endsAt - Date.now()) };
}

describe('a dependency policy', () => {
  afterEach(() => {
    jest.useRealTimers();
    jest.restoreAllMocks();
  });

  it('holds its bulkhead bound with 1,000 concurrent requests to a hung dependency', async () => {
    jest.useFakeTimers();
    const { seen, observer } = recordingObserver();
    const policy = new DependencyPolicy(options, observer);
    const dependency = hungDependency();

    const calls = Array.from({ length: 1_000 }, () =>
      policy.execute(dependency.call, { idempotent: false }).then(
        () => 'answered',
        (error: unknown) => (error instanceof BulkheadRejectedError ? 'rejected' : 'failed'),
      ),
    );
    await jest.advanceTimersByTimeAsync(0);

    const { maxConcurrent, queue } = options.bulkhead;
    expect(dependency.state.running).toBe(maxConcurrent);
    await jest.advanceTimersByTimeAsync(options.timeoutMs * 3);
    const results = await Promise.all(calls);
    expect(dependency.state.maxRunning).toBe(maxConcurrent);
    expect(results.filter((r) => r === 'rejected')).toHaveLength(1_000 - maxConcurrent - queue);
    expect(results.filter((r) => r === 'failed')).toHaveLength(maxConcurrent + queue);
    // Every hung call was aborted by its timeout, none left running.
    expect(dependency.state.running).toBe(0);
    expect(seen.outcomes.filter((o) => o === 'bulkhead_rejected')).toHaveLength(968);
    expect(seen.outcomes.filter((o) => o === 'timeout')).toHaveLength(32);
  });

  it('aborts an attempt that runs past its timeout', async () => {
    jest.useFakeTimers();
    const policy = new DependencyPolicy(options, recordingObserver().observer);
    const dependency = hungDependency();

    const call = policy.execute(dependency.call, { idempotent: false });
    const outcome = expect(call).rejects.toBeInstanceOf(TaskCancelledError);
    await jest.advanceTimersByTimeAsync(options.timeoutMs);

    await outcome;
    expect(dependency.state.aborted).toBe(1);
  });

  it('retries a failed idempotent call after a backoff, and never a non-idempotent one', async () => {
    jest.useFakeTimers();
    const { seen, observer } = recordingObserver();
    const policy = new DependencyPolicy(options, observer);
    let calls = 0;
    const flaky = () => (++calls === 1 ? Promise.reject(new Error('503')) : Promise.resolve('ok'));

    const read = policy.execute(flaky, { idempotent: true });
    await jest.advanceTimersByTimeAsync(options.retry.backoffMs);
    expect(await read).toBe('ok');
    expect(seen.retries).toBe(1);

    calls = 0;
    await expect(policy.execute(flaky, { idempotent: false })).rejects.toThrow('503');
    expect(calls).toBe(1);
  });

  it('does not retry answers that are not failures', async () => {
    const policy = new DependencyPolicy(
      { ...options, isFailure: (error) => (error as Error).message !== '404' },
      recordingObserver().observer,
    );
    const call = jest.fn(() => Promise.reject(new Error('404')));

    await expect(policy.execute(call, { idempotent: true })).rejects.toThrow('404');
    expect(call).toHaveBeenCalledTimes(1);
  });

  it('keeps retries within a fraction of the calls when everything fails', async () => {
    jest.spyOn(Math, 'random').mockReturnValue(0);
    const { seen, observer } = recordingObserver();
    const policy = new DependencyPolicy(
      { ...options, breaker: { ...options.breaker, minimumCalls: 10_000 } },
      observer,
    );
    const failing = () => Promise.reject(new Error('down'));

    for (let i = 0; i < 200; i++) {
      await policy.execute(failing, { idempotent: true }).catch(() => undefined);
    }

    // A floor of 10 per window, plus 10% of the 200 calls.
    expect(seen.retries).toBe(10 + 20);
  });

  it('starts no retry that would not finish within the caller deadline', async () => {
    const policy = new DependencyPolicy(options, recordingObserver().observer);
    const call = jest.fn(() => Promise.reject(new Error('down')));

    await expect(
      policy.execute(call, { idempotent: true, deadline: deadlineOf(options.timeoutMs) }),
    ).rejects.toThrow('down');
    expect(call).toHaveBeenCalledTimes(1);
  });

  it('settles when the caller deadline fires, even while waiting for a bulkhead slot', async () => {
    const policy = new DependencyPolicy(
      { ...options, timeoutMs: 1_000, bulkhead: { maxConcurrent: 1, queue: 1 } },
      recordingObserver().observer,
    );
    const dependency = hungDependency();
    const first = policy.execute(dependency.call, { idempotent: false }).catch(() => undefined);

    const startedAt = performance.now();
    const queued = policy.execute(dependency.call, { idempotent: false, deadline: deadlineOf(50) });

    await expect(queued).rejects.toBeInstanceOf(TaskCancelledError);
    expect(performance.now() - startedAt).toBeLessThan(1_000);
    expect(dependency.state.started).toBe(1);
    await first;
  });

  it('short-circuits once open, and answers from the fallback it is given', async () => {
    const { seen, observer } = recordingObserver();
    const policy = new DependencyPolicy(
      { ...options, retry: { ...options.retry, maxRetries: 0 } },
      observer,
    );
    const down = jest.fn(() => Promise.reject(new Error('down')));
    for (let i = 0; i < options.breaker.minimumCalls; i++) {
      await policy.execute(down, { idempotent: true }).catch(() => undefined);
    }
    expect(policy.circuitState).toBe('open');

    const served = await policy.executeOrFallBack(down, { idempotent: true }, () => ({
      source: 'last_good',
      value: 'remembered',
    }));

    expect(served.value).toBe('remembered');
    expect(served.fellBack?.source).toBe('last_good');
    expect(down).toHaveBeenCalledTimes(options.breaker.minimumCalls);
    expect(seen.outcomes.at(-1)).toBe('short_circuited');
    expect(seen.fallbacks).toEqual(['last_good']);
  });
});
