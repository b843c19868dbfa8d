/**
 * `npm run bench -- <name> ...`: benchmarks of ../shared/PERFORMANCE.md, each measured side by side
 * with its baseline; `npm run bench` (or `-- all`) runs every one registered below, in sequence.
 * Results print as markdown for BENCHMARKS.md and are kept in bench/results/.
 * Tune with BENCH_RATE, BENCH_SECONDS and BENCH_ROUNDS.
 */
import { Logger } from '@nestjs/common';
import { runInSequence, writeSequenceOutcomes } from './support/run-in-sequence.js';

// The libraries under test log through Nest's logger; per-event debug lines would be measured too.
Logger.overrideLogger(['error', 'warn']);

const benchmarks: Record<string, string> = {
  gateway: './p1-p2-gateway-tax.js',
  'gateway-hop': './gateway-hop.js',
  p3: './p3-nest-overhead.js',
  p4: './p4-saga-vs-pgbench.js',
  p5: './p5-outbox-tax.js',
  p6: './p6-event-path.js',
  p7: './p7-recommendation-outage.js',
  'p8-breaker': './p8-breaker.js',
  'p8-limiter': './p8-limiter.js',
  p9: './p9-promotion-flood.js',
};
// No argument, or `all`: every registered benchmark, one after another, in the order above.
const asked = process.argv.slice(2);
const names = asked.length === 0 || asked.includes('all') ? Object.keys(benchmarks) : asked;
const unknown = names.filter((name) => !(name in benchmarks));
if (unknown.length > 0) {
  console.error(`usage: npm run bench -- [all|${Object.keys(benchmarks).join('|')}] ...`);
  process.exit(2);
}
const outcomes = await runInSequence(names, (name) => import(benchmarks[name]!));
if (names.length > 1) {
  console.log(
    `\nbenchmarks: ${outcomes.map((o) => `${o.name} ${o.ok ? 'done' : 'FAILED'} (${o.seconds.toFixed(0)} s)`).join(', ')}`,
  );
  console.log(`outcomes: ${writeSequenceOutcomes(outcomes)}`);
}
process.exit(outcomes.every((outcome) => outcome.ok) ? 0 : 1);
