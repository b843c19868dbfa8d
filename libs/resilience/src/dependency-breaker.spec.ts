import { jest } from '@jest/globals';
import { BrokenCircuitError } from 'cockatiel';
import type { CircuitStateName } from './circuit-state.js';
import { DependencyBreaker } from './dependency-breaker.js';

const options = {
  failureRate: 0.5,
  slowCallRate: 0.5,
  slowCallMs: 100,
  windowMs: 10_000,
  minimumCalls: 4,
  openMs: 5_000,
  halfOpenProbes: 2,
  isFailure: (error: unknown) => !(error instanceof Error && error.message === 'not found'),
};

const NEVER = new AbortController().signal;
const ok = () => Promise.resolve('ok');
const boom = () => Promise.reject(new Error('boom'));

describe('the circuit breaker of a dependency', () => {
  let transitions: string[];
  let breaker: DependencyBreaker;

  beforeEach(() => {
    jest.useFakeTimers({ now: new Date('2026-01-01T00:00:00Z') });
    transitions = [];
    breaker = new DependencyBreaker(options, (from: CircuitStateName, to: CircuitStateName) =>
      transitions.push(`${from}->${to}`),
    );
  });

  afterEach(() => {
    jest.useRealTimers();
  });

  const fail = (times: number) =>
    Promise.all(
      Array.from({ length: times }, () => breaker.execute(boom, NEVER).catch(() => undefined)),
    );

  async function open() {
    await fail(options.minimumCalls);
    expect(breaker.state).toBe('open');
  }

  it('stays closed below the minimum number of calls, however many of them fail', async () => {
    await fail(options.minimumCalls - 1);

    expect(breaker.state).toBe('closed');
  });

  it('opens once the failure rate over the window reaches its threshold', async () => {
    await breaker.execute(ok, NEVER);
    await breaker.execute(ok, NEVER);
    await fail(1);
    expect(breaker.state).toBe('closed');

    await fail(1);

    expect(breaker.state).toBe('open');
    expect(transitions).toEqual(['closed->open']);
  });

  it('forgets failures older than its window', async () => {
    await fail(options.minimumCalls - 1);
    jest.advanceTimersByTime(options.windowMs + 1);

    await fail(1);

    expect(breaker.state).toBe('closed');
  });

  it('does not count answers such as a 404 as failures', async () => {
    const notFound = () => Promise.reject(new Error('not found'));
    for (let i = 0; i < 10; i++) await breaker.execute(notFound, NEVER).catch(() => undefined);

    expect(breaker.state).toBe('closed');
  });

  it('short-circuits while open, without calling the dependency', async () => {
    await open();
    const call = jest.fn(ok);

    await expect(breaker.execute(call, NEVER)).rejects.toBeInstanceOf(BrokenCircuitError);
    expect(call).not.toHaveBeenCalled();
  });

  it('lets a probe through once open long enough, and closes when the probes succeed', async () => {
    await open();
    jest.advanceTimersByTime(options.openMs);

    await expect(breaker.execute(ok, NEVER)).resolves.toBe('ok');
    expect(breaker.state).toBe('half_open');
    await breaker.execute(ok, NEVER);

    expect(breaker.state).toBe('closed');
    expect(transitions).toEqual(['closed->open', 'open->half_open', 'half_open->closed']);
  });

  it('reopens when a probe fails, and waits a full open period again', async () => {
    await open();
    jest.advanceTimersByTime(options.openMs);

    await fail(1);

    expect(breaker.state).toBe('open');
    const call = jest.fn(ok);
    jest.advanceTimersByTime(options.openMs - 1);
    await expect(breaker.execute(call, NEVER)).rejects.toBeInstanceOf(BrokenCircuitError);
    expect(call).not.toHaveBeenCalled();
  });

  it('admits a bounded number of probes and short-circuits other callers at once', async () => {
    await open();
    jest.advanceTimersByTime(options.openMs);
    const releases: (() => void)[] = [];
    const slowProbe = jest.fn(
      () => new Promise<string>((resolve) => releases.push(() => resolve('ok'))),
    );

    const callers = Array.from({ length: 10 }, () => breaker.execute(slowProbe, NEVER));
    const settled = await Promise.allSettled(callers.slice(options.halfOpenProbes));

    expect(slowProbe).toHaveBeenCalledTimes(options.halfOpenProbes);
    expect(settled.every((s) => s.status === 'rejected')).toBe(true);
    for (const release of releases) release();
    await Promise.all(callers.slice(0, options.halfOpenProbes));
    expect(breaker.state).toBe('closed');
  });

  it('counts slow successes: it opens when most calls are slow, yet gives their answers', async () => {
    const slow = () =>
      new Promise<string>((resolve) => setTimeout(() => resolve('late'), options.slowCallMs));

    const answers = Array.from({ length: options.minimumCalls }, () =>
      breaker.execute(slow, NEVER),
    );
    await jest.advanceTimersByTimeAsync(options.slowCallMs);

    expect(await Promise.all(answers)).toEqual(['late', 'late', 'late', 'late']);
    expect(breaker.state).toBe('open');
  });

  it('reopens when a probe is slow', async () => {
    await open();
    jest.advanceTimersByTime(options.openMs);
    const slow = () =>
      new Promise<string>((resolve) => setTimeout(() => resolve('late'), options.slowCallMs));

    const probe = breaker.execute(slow, NEVER);
    await jest.advanceTimersByTimeAsync(options.slowCallMs);

    await expect(probe).resolves.toBe('late');
    expect(breaker.state).toBe('open');
  });
});
