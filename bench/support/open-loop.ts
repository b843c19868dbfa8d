import { setTimeout as sleep } from 'node:timers/promises';

export interface OpenLoopResult {
  /** Latency of each completed call, measured from when it was *scheduled* to start. */
  latenciesMs: number[];
  errors: number;
  elapsedMs: number;
}

/**
 * Calls `task` at a fixed arrival rate, whatever the system's speed (open loop). Latency is
 * measured from each call's scheduled start, not its actual start, so a stall that delays later
 * calls is counted against them too (coordinated-omission correction). A closed loop would wait
 * for the stall and hide it.
 */
export async function runOpenLoop(options: {
  ratePerSecond: number;
  durationMs: number;
  task: () => Promise<void>;
}): Promise<OpenLoopResult> {
  const { ratePerSecond, durationMs, task } = options;
  const intervalMs = 1_000 / ratePerSecond;
  const total = Math.floor((durationMs / 1_000) * ratePerSecond);
  const latenciesMs: number[] = [];
  let errors = 0;
  const inFlight = new Set<Promise<void>>();
  const start = performance.now();

  for (let i = 0; i < total; i++) {
    const scheduled = start + i * intervalMs;
    const wait = scheduled - performance.now();
    if (wait > 1) await sleep(wait);
    const call = task().then(
      () => void latenciesMs.push(performance.now() - scheduled),
      () => void errors++,
    );
    inFlight.add(call);
    void call.finally(() => inFlight.delete(call));
  }
  await Promise.all(inFlight);
  return { latenciesMs, errors, elapsedMs: performance.now() - start };
}
