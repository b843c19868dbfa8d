import autocannon from 'autocannon';
import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { generateServiceKey } from '#libs/service-identity';
import { APP_NODE_OPTIONS } from '../tools/stack/app-process.js';
import { median } from './support/interleave.js';
import { machineLine, publish } from './support/print-report.js';
import { cpuSecondsOf } from './support/process-cpu.js';

/**
 * What one proxied `GET /api/products/:id` costs the gateway process in CPU, against a bare undici
 * pass-through (bench/support/bare-proxy.ts), both in front of the same instant fake product
 * service, at one fixed request rate. CPU per request, read from /proc, depends less on what else
 * the machine runs than throughput does, so this finds the gateway's own costs (background of P1
 * and P2) where a whole-stack run cannot; still, run it on a quiet machine. Variants switch one
 * piece off through the environment; BENCH_BASELINE_ROOT=<another checkout, built> adds that
 * build's gateway side by side (before/after a change); with BENCH_PROFILE=1 the default gateway
 * also writes a V8 CPU profile, summarised by package.
 *
 * `npm run bench -- gateway-hop` (BENCH_RATE req/s, BENCH_SECONDS per arm and round, BENCH_ROUNDS
 * rounds; the arms take turns in every round).
 */
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const CONNECTIONS = 16;
// A fixed arrival rate, the same for every arm: CPU per request depends on load (batching of
// writes, timers), so arms compared at saturation would each be measured at a different load.
const RATE = Number(process.env.BENCH_RATE ?? 1_000);
const PRODUCT_ID = randomUUID();
const PROFILE_DIR = resolve('.data/bench-profiles');

const BODY = JSON.stringify({
  id: PRODUCT_ID,
  sku: 'HOME-0007',
  name: 'Teapot',
  price: { amount: 3490, currency: 'EUR' },
});
const fakeProduct = createServer((_request, response) => {
  response.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
  response.end(BODY);
});
await new Promise<void>((done) => fakeProduct.listen(0, '127.0.0.1', done));
const upstream = `http://127.0.0.1:${(fakeProduct.address() as AddressInfo).port}`;

interface Arm {
  name: string;
  port: number;
  path: string;
  start: () => ChildProcess;
}

const signingKey = JSON.stringify(generateServiceKey('gateway'));
/** A gateway process; `root` is the checkout whose build it runs (this one unless told). */
const gatewayArm = (
  name: string,
  port: number,
  env: Record<string, string>,
  { profile = false, root = process.cwd() } = {},
): Arm => ({
  name,
  port,
  path: `/api/products/${PRODUCT_ID}`,
  start: () =>
    spawn(
      process.execPath,
      [
        ...APP_NODE_OPTIONS,
        ...(profile ? ['--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`] : []),
        resolve(root, 'dist/apps/gateway/src/main.js'),
      ],
      {
        cwd: root,
        env: {
          ...process.env,
          PORT: String(port),
          HOST: '127.0.0.1',
          PRODUCT_URL: upstream,
          SERVICE_SIGNING_KEY: signingKey,
          LOG_LEVEL: 'warn',
          ...env,
        },
        stdio: ['ignore', 'ignore', 'inherit'],
      },
    ),
});

const profile = process.env.BENCH_PROFILE === '1';
if (profile) mkdirSync(PROFILE_DIR, { recursive: true });
const arms: Arm[] = [
  {
    name: 'bare undici pass-through',
    port: 16901,
    path: `/products/${PRODUCT_ID}`,
    start: () =>
      spawn(process.execPath, [resolve('dist/bench/support/bare-proxy.js'), '16901', upstream], {
        stdio: ['ignore', 'ignore', 'inherit'],
      }),
  },
  gatewayArm('gateway', 16902, {}, { profile }),
  // Another build side by side, e.g. the commit before a change: BENCH_BASELINE_ROOT=<checkout>.
  ...(process.env.BENCH_BASELINE_ROOT
    ? [gatewayArm('gateway, baseline build', 16906, {}, { root: process.env.BENCH_BASELINE_ROOT })]
    : []),
  gatewayArm('gateway, tracing off (OTEL_SDK_DISABLED)', 16903, { OTEL_SDK_DISABLED: 'true' }),
  gatewayArm('gateway, edge rate limit off', 16904, { RATE_LIMIT_PER_SECOND: '0' }),
  gatewayArm('gateway, logs silent', 16905, { LOG_LEVEL: 'silent' }),
];

const processes = new Map(arms.map((arm) => [arm.name, arm.start()]));
// The proxies are children: never leave one behind, also when the run fails.
const stopAll = () => {
  for (const child of processes.values()) child.kill('SIGTERM');
};
process.once('exit', stopAll);
for (const arm of arms) await untilAnswering(`http://127.0.0.1:${arm.port}${arm.path}`);

async function untilAnswering(url: string): Promise<void> {
  for (let tries = 0; tries < 1_200; tries++) {
    const status = await fetch(url).then(
      (r) => r.status,
      () => 0,
    );
    if (status === 200) return;
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error(`${url} never answered 200`);
}

async function measure(arm: Arm, seconds: number) {
  const pid = processes.get(arm.name)!.pid!;
  const before = cpuSecondsOf(pid);
  const result = await autocannon({
    url: `http://127.0.0.1:${arm.port}${arm.path}`,
    connections: CONNECTIONS,
    pipelining: 1,
    duration: seconds,
    overallRate: RATE,
  });
  const requests = result.requests.total;
  return {
    rps: result.requests.average,
    cpuUsPerRequest: ((cpuSecondsOf(pid) - before) * 1e6) / Math.max(1, requests),
    errors: result.errors + result.non2xx,
  };
}

console.log(`gateway hop: ${arms.length} arms, ${ROUNDS} rounds of ${SECONDS} s each`);
for (const arm of arms) await measure(arm, 2); // warm-up
const results = new Map<string, Awaited<ReturnType<typeof measure>>[]>();
for (let round = 0; round < ROUNDS; round++) {
  for (const arm of arms) {
    const result = await measure(arm, SECONDS);
    results.set(arm.name, [...(results.get(arm.name) ?? []), result]);
  }
}

stopAll();
await Promise.all(
  [...processes.values()].map((child) => new Promise((done) => child.once('exit', done))),
);
fakeProduct.close();

const floor = median(results.get(arms[0]!.name)!.map((r) => r.cpuUsPerRequest));
const rows = arms.map((arm) => {
  const runs = results.get(arm.name)!;
  const cpu = median(runs.map((r) => r.cpuUsPerRequest));
  const rps = median(runs.map((r) => r.rps));
  const errors = runs.reduce((sum, r) => sum + r.errors, 0);
  return `| ${arm.name} | ${cpu.toFixed(0)} | +${(cpu - floor).toFixed(0)} | ${rps.toFixed(0)} | ${errors} |`;
});
const profileLines = profile ? summariseProfile() : [];

publish(
  'gateway-hop',
  [
    '',
    `Gateway hop, CPU per proxied GET (${machineLine()}); ${RATE} req/s over ${CONNECTIONS} connections (fixed rate), fake instant product service`,
    '',
    '| arm | CPU µs / request (median) | over the floor | req/s | errors |',
    '| --- | --- | --- | --- | --- |',
    ...rows,
    ...profileLines,
  ],
  Object.fromEntries(results),
);

/** Self time of the gateway's profile by package (or file of ours), largest first. */
function summariseProfile(): string[] {
  const file = readdirSync(PROFILE_DIR)
    .filter((name) => name.endsWith('.cpuprofile'))
    .sort()
    .at(-1);
  if (!file) return ['', 'no CPU profile written'];
  const { nodes, samples, timeDeltas } = JSON.parse(
    readFileSync(join(PROFILE_DIR, file), 'utf8'),
  ) as {
    nodes: { id: number; callFrame: { url: string; functionName: string } }[];
    samples: number[];
    timeDeltas: number[];
  };
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const selfUs = new Map<string, number>();
  samples.forEach((id, i) => {
    const { url, functionName } = byId.get(id)!.callFrame;
    const where = groupOf(url, functionName);
    selfUs.set(where, (selfUs.get(where) ?? 0) + (timeDeltas[i] ?? 0));
  });
  const total = [...selfUs.values()].reduce((a, b) => a + b, 0);
  return [
    '',
    `CPU profile of the gateway arm (${file}), self time by package:`,
    '',
    '| where | share |',
    '| --- | --- |',
    ...[...selfUs.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 25)
      .map(([where, us]) => `| ${where} | ${((100 * us) / total).toFixed(1)} % |`),
  ];
}

function groupOf(url: string, functionName: string): string {
  if (!url) return `(${functionName || 'native'})`;
  const modules = url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/g);
  if (modules) return modules.at(-1)!.replace('node_modules/', '');
  if (url.startsWith('node:')) return url;
  const ours = url.match(/dist\/(.*)$/);
  return ours ? ours[1]! : url;
}
