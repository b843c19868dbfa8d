import type { OpenLoopResult } from '../../../bench/support/open-loop.js';

/**
 * Runs `task` back to back on `connections` workers until `durationMs` has passed: the way to find
 * maximum throughput. Its latencies hide stalls (a worker waits out a slow call instead of
 * sending the next), so the report says which loop produced them.
 */
export async function runClosedLoop(options: {
  connections: number;
  durationMs: number;
  task: () => Promise<void>;
  now?: () => number;
}): Promise<OpenLoopResult> {
  const { connections, durationMs, task, now = () => performance.now() } = options;
  const latenciesMs: number[] = [];
  let errors = 0;
  const start = now();
  const worker = async () => {
    while (now() - start < durationMs) {
      const began = now();
      try {
        await task();
        latenciesMs.push(now() - began);
      } catch {
        errors++;
      }
    }
  };
  await Promise.all(Array.from({ length: connections }, worker));
  return { latenciesMs, errors, elapsedMs: now() - start };
}
