/**
 * `npm run bench -- <gateway|p5|p6>`: one benchmark of ../shared/PERFORMANCE.md, measured side by side
 * with its baseline. Results print as markdown for BENCHMARKS.md and are kept in bench/results/.
 * Tune with BENCH_RATE, BENCH_SECONDS and BENCH_ROUNDS.
 */
import { Logger } from '@nestjs/common';

// The libraries under test log through Nest's logger; per-event debug lines would be measured too.
Logger.overrideLogger(['error', 'warn']);

const benchmarks: Record<string, string> = {
  gateway: './p1-p2-gateway-tax.js',
  p5: './p5-outbox-tax.js',
  p6: './p6-event-path.js',
};
const names = process.argv.slice(2);
const unknown = names.filter((name) => !(name in benchmarks));
if (names.length === 0 || unknown.length > 0) {
  console.error(`usage: npm run bench -- <${Object.keys(benchmarks).join('|')}> ...`);
  process.exit(2);
}
for (const name of names) await import(benchmarks[name]!);
process.exit(0);
