import { join } from 'node:path';
import { appEnvironment } from '../tools/stack/app-environment.js';
import { type AppProcess, startApp, stopApp } from '../tools/stack/app-process.js';
import { startBenchStack } from './support/bench-stack.js';
import { interleave, ratioSummary } from './support/interleave.js';
import { machineLine, publish, ratioLine } from './support/print-report.js';
import { saturate } from './support/saturate.js';

/**
 * P8, the breaker's part: `GET /api/recommendations` through the gateway at saturation (closed
 * loop), with the recommendation policy in the path (bulkhead, retry budget, circuit breaker,
 * attempt timeout, their metrics) but never tripping, against a second gateway in front of the
 * same services with `RECOMMENDATION_RESILIENCE=off` (the call alone, fallbacks still there).
 * One stack, two gateway processes, interleaved.
 */
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CONNECTIONS = 32;

const { stack, settings, productIds } = await startBenchStack({
  name: 'p8-breaker',
  portBase: 17000,
  postgresPort: 55477,
  kafkaPort: 20082,
});
const UNPROTECTED_PORT = 17010;
let unprotected: AppProcess | undefined;

try {
  const env = appEnvironment(
    'gateway',
    { ports: settings.ports, kafkaBrokers: [], databaseUrls: {} },
    join(settings.dataDir, 'keys'),
  );
  unprotected = startApp(
    'gateway',
    { ...env, PORT: String(UNPROTECTED_PORT), RECOMMENDATION_RESILIENCE: 'off', LOG_LEVEL: 'warn' },
    { colour: 35, format: 'json' },
  );
  const origins = {
    protected: stack.url('gateway'),
    unprotected: `http://127.0.0.1:${UNPROTECTED_PORT}`,
  };
  const [productId] = await productIds(1);
  const path = `/api/recommendations?productId=${productId}`;
  // Both gateways ready, and the read model knows the product (a 200, not a 404 or a fallback).
  for (let tries = 0; ; tries++) {
    const answers = await Promise.all(
      Object.values(origins).map((origin) =>
        fetch(`${origin}${path}`)
          .then(async (r) => r.status === 200 && !('status' in ((await r.json()) as object)))
          .catch(() => false),
      ),
    );
    if (answers.every(Boolean)) break;
    if (tries > 300) throw new Error('P8 breaker: the gateways never answered');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }

  const saturateArm = (arm: keyof typeof origins, seconds = SECONDS) =>
    saturate({ url: `${origins[arm]}${path}`, connections: CONNECTIONS, seconds });
  console.log(`P8 breaker: warming up, then ${ROUNDS} interleaved rounds of ${SECONDS} s`);
  await saturateArm('unprotected', Math.min(5, SECONDS));
  await saturateArm('protected', Math.min(5, SECONDS));
  const rows: string[] = [];
  const results = await interleave(
    ROUNDS,
    () => saturateArm('unprotected'),
    () => saturateArm('protected'),
    (round, arm, r) =>
      rows.push(
        `| ${round} ${arm === 'baseline' ? 'policy off' : 'policy on, never tripping'} | ${r.rps.toFixed(0)} | ${r.errors} |`,
      ),
  );
  const metrics = await (await fetch(`${origins.protected}/metrics`)).text();
  const tripped = /resilience_circuit_transitions_total\{[^}]*to="open"/.test(metrics);

  const p8 = ratioSummary(results.candidate.map((c, i) => c.rps / results.baseline[i]!.rps));
  publish(
    'p8-breaker',
    [
      '',
      `P8 breaker (${machineLine()})`,
      `GET /api/recommendations through the gateway, ${CONNECTIONS} keep-alive connections, closed loop; recommendation policy on vs RECOMMENDATION_RESILIENCE=off, two gateway processes on one stack; load generator shares the cores`,
      '',
      '| run (closed loop) | req/s | errors |',
      '| --- | --- | --- |',
      ...rows,
      '',
      ratioLine('P8 throughput with the policy / without', p8, '>= 0.97'),
      `Circuit opened during the run: ${tripped ? 'YES (the run is invalid)' : 'no'}`,
    ],
    { p8, rows, tripped },
  );
} finally {
  if (unprotected) await stopApp(unprotected, 10_000);
  await stack.stop();
}
