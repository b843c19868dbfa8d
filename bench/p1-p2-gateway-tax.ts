import { join } from 'node:path';
import { Pool } from 'undici';
import { ServiceTokenSigner } from '#libs/service-identity';
import { localServiceKeys } from '../tools/token/local-service-keys.js';
import { startBenchStack } from './support/bench-stack.js';
import { interleave, median, ratioSummary } from './support/interleave.js';
import { summarize } from './support/latency-summary.js';
import { runOpenLoop } from './support/open-loop.js';
import {
  LATENCY_HEADER,
  latencyRow,
  machineLine,
  publish,
  ratioLine,
} from './support/print-report.js';
import { descendantsMemory, memoryByPart } from './support/process-memory.js';
import { saturate } from './support/saturate.js';

/**
 * P1 and P2: the gateway tax on `GET /api/products/:id`, against the same request straight to the
 * product service (with the service token the gateway would send), on the same stack, interleaved.
 * P1 is throughput at saturation (closed loop, autocannon); P2 is latency at half the saturation
 * rate through the gateway (open loop, coordinated-omission corrected). P10, the stack's resident
 * memory, is read at idle and after the load.
 */
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CONNECTIONS = 32;

// Request logs at `warn` in both arms (startBenchStack says why).
const { stack, settings, productIds } = await startBenchStack({
  name: 'p1-p2',
  portBase: 16000,
  postgresPort: 55451,
  kafkaPort: 19694,
});

const idleMemory = memoryByPart(descendantsMemory());
const [productId] = await productIds(1);
const keys = localServiceKeys(join(settings.dataDir, 'keys'));
const signer = new ServiceTokenSigner({ service: 'gateway', signingKey: keys.gateway });
const directHeaders = async () => ({ authorization: `Bearer ${await signer.tokenFor('product')}` });

interface Target {
  url: string;
  headers: () => Promise<Record<string, string>>;
}

const targets: Record<'direct' | 'gateway', Target> = {
  direct: { url: stack.url('product', `/products/${productId}`), headers: directHeaders },
  gateway: { url: stack.url('gateway', `/api/products/${productId}`), headers: async () => ({}) },
};

async function saturateTarget(target: Target, seconds = SECONDS) {
  return saturate({
    url: target.url,
    headers: await target.headers(),
    connections: CONNECTIONS,
    seconds,
  });
}

async function openLoop(target: Target, rate: number) {
  const url = new URL(target.url);
  const pool = new Pool(url.origin, { connections: CONNECTIONS, pipelining: 1 });
  const headers = await target.headers();
  const result = await runOpenLoop({
    ratePerSecond: rate,
    durationMs: SECONDS * 1_000,
    task: async () => {
      const response = await pool.request({ method: 'GET', path: url.pathname, headers });
      await response.body.dump();
      if (response.statusCode !== 200) throw new Error(String(response.statusCode));
    },
  });
  await pool.close();
  return result;
}

console.log(`P1/P2 gateway tax: warming up, then ${ROUNDS} interleaved rounds of ${SECONDS} s`);
await saturateTarget(targets.direct, 5);
await saturateTarget(targets.gateway, 5);

const p1Rows: string[] = [];
const p1 = await interleave(
  ROUNDS,
  () => saturateTarget(targets.direct),
  () => saturateTarget(targets.gateway),
  (round, arm, r) => p1Rows.push(`| ${round} ${arm} | ${r.rps.toFixed(0)} | ${r.errors} |`),
);
const p1Ratio = ratioSummary(p1.candidate.map((g, i) => g.rps / p1.baseline[i]!.rps));

// Half the saturation of the slower path (through the gateway): at half the *direct* saturation
// the gateway arm would run near its own limit and measure queueing, not the hop.
const rate = Math.round(median(p1.candidate.map((r) => r.rps)) / 2);
const p2Rows: string[] = [];
const p2 = await interleave(
  ROUNDS,
  () => openLoop(targets.direct, rate),
  () => openLoop(targets.gateway, rate),
  (round, arm, r) =>
    p2Rows.push(latencyRow(`${round} ${arm}`, summarize(r.latenciesMs), `errors ${r.errors}`)),
);
const added = (pick: 'p50' | 'p99') =>
  ratioSummary(
    p2.candidate.map(
      (g, i) => summarize(g.latenciesMs)[pick] - summarize(p2.baseline[i]!.latenciesMs)[pick],
    ),
  );
const loadedMemory = memoryByPart(descendantsMemory());
await stack.stop();

const memoryRows = [...idleMemory.keys()].map((part) => {
  const idle = idleMemory.get(part)!;
  const loaded = loadedMemory.get(part) ?? { rssMb: Number.NaN, pssMb: Number.NaN };
  return `| ${part} | ${idle.rssMb.toFixed(0)} | ${idle.pssMb.toFixed(0)} | ${loaded.rssMb.toFixed(0)} | ${loaded.pssMb.toFixed(0)} |`;
});
const total = (memory: typeof idleMemory) =>
  [...memory.values()].reduce((sum, part) => sum + part.pssMb, 0);
const ms = (r: { median: number; min: number; max: number }) =>
  `median +${r.median.toFixed(2)} ms (min ${r.min.toFixed(2)}, max ${r.max.toFixed(2)})`;

publish(
  'p1-p2-p10-gateway',
  [
    '',
    `P1/P2 gateway tax and P10 memory (${machineLine()})`,
    `GET /products/:id direct (with a service token) vs GET /api/products/:id through the gateway; ${CONNECTIONS} keep-alive connections, no pipelining, request logs at warn; load generator shares the cores`,
    '',
    '| P1 run (closed loop) | req/s | errors |',
    '| --- | --- | --- |',
    ...p1Rows,
    '',
    ratioLine('P1 throughput gateway / direct', p1Ratio, '>= 0.75'),
    '',
    `P2 open loop at ${rate} req/s (half the saturation through the gateway):`,
    ...LATENCY_HEADER,
    ...p2Rows,
    '',
    `P2 added p50: ${ms(added('p50'))}; target <= +0.5 ms`,
    `P2 added p99: ${ms(added('p99'))}; target <= +2 ms`,
    '',
    '| P10 part | idle RSS MB | idle PSS MB | after load RSS MB | after load PSS MB |',
    '| --- | --- | --- | --- | --- |',
    ...memoryRows,
    '',
    `P10 whole core stack (PSS): idle ${total(idleMemory).toFixed(0)} MB, after load ${total(loadedMemory).toFixed(0)} MB; target <= 1500 MB`,
  ],
  { p1: p1Ratio, p2: { p50: added('p50'), p99: added('p99'), rate }, p1Rows, p2Rows, memoryRows },
);
