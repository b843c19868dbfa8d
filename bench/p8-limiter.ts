import autocannon from 'autocannon';
import { interleave, ratioSummary } from './support/interleave.js';
import { machineLine, publish, ratioLine } from './support/print-report.js';
import { benchPort, QUOTE_BODY, startPromotionBench } from './p9-promotion-process.js';

/**
 * P8, the rate limiter's part: promotion's `POST /quotes` at saturation (closed loop) with the
 * limiter in the path but never tripping (enforce, Redis store, a quota far above the load)
 * against the same service with it out of the path (`RATE_LIMIT_MODE=off`), two processes on
 * one database, interleaved.
 */
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CONNECTIONS = 32;

process.env.LOG_LEVEL = 'warn';
const quotas = JSON.stringify({
  default: { perSecond: 5, burst: 5 },
  callers: { order: { quote: { perSecond: 1_000_000, burst: 0 } } },
});
const bench = await startPromotionBench('bench_p8_limiter', {
  limited: { port: benchPort(1), env: { LOG_LEVEL: 'warn', RATE_LIMIT_QUOTAS: quotas } },
  unlimited: { port: benchPort(2), env: { LOG_LEVEL: 'warn', RATE_LIMIT_MODE: 'off' } },
});
try {
  const saturate = async (label: 'limited' | 'unlimited', seconds = SECONDS) => {
    // A fresh service token per run: one signed for the whole benchmark expires after 60 s, and
    // every later request would be a fast 401.
    const headers = await bench.headersFrom('order');
    const result = await autocannon({
      url: `${bench.urls[label]}/quotes`,
      method: 'POST',
      body: QUOTE_BODY,
      headers,
      connections: CONNECTIONS,
      pipelining: 1,
      duration: seconds,
    });
    return { rps: result.requests.average, errors: result.errors + result.non2xx };
  };
  console.log(`P8 limiter: warming up, then ${ROUNDS} interleaved rounds of ${SECONDS} s`);
  await saturate('unlimited', Math.min(5, SECONDS));
  await saturate('limited', Math.min(5, SECONDS));
  const rows: string[] = [];
  const results = await interleave(
    ROUNDS,
    () => saturate('unlimited'),
    () => saturate('limited'),
    (round, arm, result) =>
      rows.push(
        `| ${round} ${arm === 'baseline' ? 'limiter off' : 'limiter on, never tripping'} | ${result.rps.toFixed(0)} | ${result.errors} |`,
      ),
  );
  const p8 = ratioSummary(results.candidate.map((c, i) => c.rps / results.baseline[i]!.rps));
  publish(
    'p8-limiter',
    [
      '',
      `P8 rate limiter (${machineLine()})`,
      `POST /quotes on promotion, ${CONNECTIONS} keep-alive connections, closed loop; limiter on (Redis store) vs RATE_LIMIT_MODE=off; load generator shares the cores`,
      '',
      '| run (closed loop) | req/s | errors |',
      '| --- | --- | --- |',
      ...rows,
      '',
      ratioLine('P8 (limiter) throughput on / off', p8, '>= 0.97'),
    ],
    { p8, rows, seconds: SECONDS, rounds: ROUNDS },
  );
} finally {
  await bench.stop();
}
