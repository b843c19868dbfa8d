import { mkdirSync, writeFileSync } from 'node:fs';

export interface BenchmarkOutcome {
  name: string;
  startedAt: string;
  seconds: number;
  ok: boolean;
  error?: string;
}

/**
 * Runs benchmarks one at a time (never two at once: they would measure each other), going on
 * after one fails so that a single broken benchmark does not cost the others' figures. Returns
 * what became of each, in order.
 */
export async function runInSequence(
  names: readonly string[],
  run: (name: string) => Promise<unknown>,
  log: (line: string) => void = console.log,
  now: () => Date = () => new Date(),
): Promise<BenchmarkOutcome[]> {
  const outcomes: BenchmarkOutcome[] = [];
  for (const name of names) {
    const started = now();
    log(`\n=== bench ${name} (${outcomes.length + 1}/${names.length}) ===`);
    let error: string | undefined;
    try {
      await run(name);
    } catch (failure) {
      error = failure instanceof Error ? (failure.stack ?? failure.message) : String(failure);
      log(`bench ${name} failed: ${error}`);
    }
    outcomes.push({
      name,
      startedAt: started.toISOString(),
      seconds: (now().getTime() - started.getTime()) / 1_000,
      ok: error === undefined,
      ...(error === undefined ? {} : { error }),
    });
  }
  return outcomes;
}

/** Keeps the sequence's outcomes beside the benchmarks' own results in bench/results/. */
export function writeSequenceOutcomes(outcomes: BenchmarkOutcome[], at: Date = new Date()): string {
  mkdirSync('bench/results', { recursive: true });
  const path = `bench/results/run-${at.toISOString().replaceAll(':', '-')}.json`;
  writeFileSync(path, `${JSON.stringify(outcomes, null, 2)}\n`);
  return path;
}
