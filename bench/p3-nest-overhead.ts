import autocannon from 'autocannon';
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { join, resolve } from 'node:path';
import { ALL_TOPICS } from '#libs/contracts';
import { demoCatalog } from '#libs/demo-data';
import { SERVICE_TOKEN, ServiceTokenSigner } from '#libs/service-identity';
import { appEnvironment } from '../tools/stack/app-environment.js';
import { type AppProcess, startApp, stopApp } from '../tools/stack/app-process.js';
import { stackSettingsFrom } from '../tools/stack/stack-settings.js';
import { waitUntilReady } from '../tools/stack/wait-until-ready.js';
import { localServiceKeys } from '../tools/token/local-service-keys.js';
import { startBenchInfrastructure } from './support/bench-infrastructure.js';
import { median, ratioSummary } from './support/interleave.js';
import { machineLine, publish, ratioLine } from './support/print-report.js';
import { cpuSecondsOf } from './support/process-cpu.js';
import { descendantsMemory } from './support/process-memory.js';

/**
 * P3: the cost of Nest itself. The product service as it runs in production (global validation
 * pipe, service-identity guard, problem-details filter, metrics interceptor, request logging,
 * tracing) answering `GET /products/:id`, against a bare express handler running the same query
 * on the same PostgreSQL (p3-bare-product-server.ts), each its own process on the same HTTP
 * platform (express), saturated with keep-alive connections (closed loop), interleaved. A third
 * arm, the same service with `OTEL_SDK_DISABLED=true`, says how much of the gap is tracing.
 *
 * Each arm also reports the CPU time its server process spent per request: on a shared machine
 * throughput moves with whatever else runs, while CPU per request moves far less, so it says where
 * a change helped even when the ratio is blurred.
 */
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CONNECTIONS = 32;
const PORTS = { nest: 16101, untraced: 16102, bare: 16103 };

// Request logs at `warn`, as in the P1 benchmark: the log level is the operator's choice.
process.env.LOG_LEVEL = 'warn';
const infrastructure = await startBenchInfrastructure('bench_p3_product', [...ALL_TOPICS]);
const keysDir = resolve('.data/bench/keys');
const keys = localServiceKeys(keysDir);

function startProduct(port: number, extraEnv: NodeJS.ProcessEnv = {}): AppProcess {
  // Product calls no other service, so only its own port matters.
  const endpoints = {
    ports: { ...stackSettingsFrom({}).ports, product: port },
    kafkaBrokers: infrastructure.brokers,
    databaseUrls: { product: infrastructure.databaseUrl },
  };
  const env = { ...appEnvironment('product', endpoints, keysDir), ...extraEnv };
  return startApp('product', env, { colour: 36, format: 'json' });
}

const apps: AppProcess[] = [];
let bare: ChildProcess | undefined;
try {
  // One at a time: the first migrates and seeds the demo catalog, the others find it done.
  apps.push(startProduct(PORTS.nest));
  await waitUntilReady(`http://127.0.0.1:${PORTS.nest}/health/ready`, 120_000);
  apps.push(startProduct(PORTS.untraced, { OTEL_SDK_DISABLED: 'true' }));
  await waitUntilReady(`http://127.0.0.1:${PORTS.untraced}/health/ready`, 120_000);
  bare = spawn(process.execPath, [join(import.meta.dirname, 'p3-bare-product-server.js')], {
    env: { ...process.env, DATABASE_URL: infrastructure.databaseUrl, PORT: String(PORTS.bare) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await once(bare.stdout!, 'data');

  const productId = demoCatalog()[0]!.id;
  // Every arm gets the token the gateway would send; only the Nest arms check it. The whole
  // benchmark outlasts a token, so each run asks for one valid for all of it: an expired token
  // would turn the Nest arms into fast 401s and flatter them.
  const signer = new ServiceTokenSigner({
    service: 'gateway',
    signingKey: keys.gateway,
    lifetimeSeconds: SERVICE_TOKEN.maxLifetimeSeconds,
    renewBeforeSeconds: SECONDS + 10,
  });
  const saturate = async (port: number, pid: number | undefined, seconds = SECONDS) => {
    const headers = { authorization: await signer.authorizationFor('product') };
    const cpuBefore = pid === undefined ? Number.NaN : cpuSecondsOf(pid);
    const result = await autocannon({
      url: `http://127.0.0.1:${port}/products/${productId}`,
      connections: CONNECTIONS,
      pipelining: 1,
      duration: seconds,
      headers,
    });
    const cpuAfter = pid === undefined ? Number.NaN : cpuSecondsOf(pid);
    const cpuMicroseconds = ((cpuAfter - cpuBefore) * 1e6) / result.requests.total;
    return { rps: result.requests.average, errors: result.errors + result.non2xx, cpuMicroseconds };
  };

  const arms = [
    ['bare express', PORTS.bare, bare.pid],
    ['Nest product', PORTS.nest, apps[0]!.child.pid],
    ['Nest product, no tracing', PORTS.untraced, apps[1]!.child.pid],
  ] as const;
  console.log(`P3 Nest overhead: warming up, then ${ROUNDS} interleaved rounds of ${SECONDS} s`);
  for (const [, port, pid] of arms) await saturate(port, pid, Math.min(5, SECONDS));
  const rows: string[] = [];
  let errors = 0;
  const rps: number[][] = [];
  const cpu: number[][] = arms.map(() => []);
  for (let round = 1; round <= ROUNDS; round++) {
    const results = [];
    for (const [arm, [label, port, pid]] of arms.entries()) {
      const result = await saturate(port, pid);
      cpu[arm]!.push(result.cpuMicroseconds);
      rows.push(
        `| ${round} ${label} | ${result.rps.toFixed(0)} | ${result.cpuMicroseconds.toFixed(0)} | ${result.errors} |`,
      );
      errors += result.errors;
      results.push(result.rps);
    }
    rps.push(results);
  }
  const p3 = ratioSummary(rps.map(([bareRps, nestRps]) => nestRps! / bareRps!));
  const untraced = ratioSummary(rps.map(([bareRps, , untracedRps]) => untracedRps! / bareRps!));
  const cpuMedians = cpu.map(median);
  const memory = descendantsMemory();
  const rss = (pid: number | undefined) =>
    (memory.find((p) => p.pid === pid)?.rssMb ?? Number.NaN).toFixed(0);

  publish(
    'p3-nest-overhead',
    [
      '',
      `P3 Nest overhead (${machineLine()})`,
      `GET /products/:id on the product service (all its globals) vs a bare express handler running the same query; ${CONNECTIONS} keep-alive connections, no pipelining, closed loop, logs at warn; load generator shares the cores`,
      '',
      '| run (closed loop) | req/s | server CPU µs/request | errors |',
      '| --- | --- | --- | --- |',
      ...rows,
      '',
      ...(errors > 0 ? [`WARNING: ${errors} failed requests: the ratios below are not valid`] : []),
      ratioLine('P3 throughput Nest / bare', p3, '>= 0.85'),
      ratioLine('Nest without tracing / bare (diagnostic)', untraced, 'none'),
      `Server CPU per request, median: ${arms.map(([label], arm) => `${label} ${cpuMedians[arm]!.toFixed(0)} µs`).join(', ')}`,
      `RSS after load: Nest product ${rss(apps[0]!.child.pid)} MB, without tracing ${rss(apps[1]?.child.pid)} MB, bare express ${rss(bare.pid)} MB`,
    ],
    { p3, untraced, cpuMicrosecondsPerRequest: cpuMedians, rows, seconds: SECONDS, rounds: ROUNDS },
  );
} finally {
  bare?.kill('SIGTERM');
  await Promise.all(apps.map((app) => stopApp(app, 12_000)));
  await infrastructure.stop();
}
