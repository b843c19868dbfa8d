import { Pool } from 'undici';
import { startBenchStack } from './support/bench-stack.js';
import { interleave, ratioSummary } from './support/interleave.js';
import { summarize } from './support/latency-summary.js';
import { runOpenLoop } from './support/open-loop.js';
import {
  LATENCY_HEADER,
  latencyRow,
  machineLine,
  publish,
  ratioLine,
} from './support/print-report.js';

/**
 * P7: the product page's p99 while the recommendation service hangs, once the gateway has
 * degraded (its circuit open), against the p99 with recommendation healthy, at the same open-loop
 * rate, on one stack, interleaved. The hang is the recommendation fault `{ "hang": true }`
 * (every call accepted, none answered), switched through the gateway's admin API between rounds.
 * Any 5xx counts as an error; the target is none.
 */
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const RATE = Number(process.env.BENCH_RATE ?? 200);
const CONNECTIONS = 32;

const { stack, productIds } = await startBenchStack({
  name: 'p7',
  portBase: 16800,
  postgresPort: 55475,
  kafkaPort: 20072,
});

try {
  const api = (path: string) => stack.url('gateway', `/api${path}`);
  const login = await fetch(api('/auth/login'), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'admin@example.com', password: 'microshop-demo' }),
  });
  const admin = `Bearer ${((await login.json()) as { accessToken: string }).accessToken}`;
  const pages = (await productIds(20)).map((id) => `/api/products/${id}/page`);

  const recommendationsOf = async (path: string) => {
    const page = (await (await fetch(stack.url('gateway', path))).json()) as {
      recommendations: { status: string; reason?: string };
    };
    return page.recommendations;
  };
  const until = async (what: string, condition: () => Promise<boolean>) => {
    for (let tries = 0; tries < 600; tries++) {
      if (await condition()) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`P7: gave up waiting until ${what}`);
  };
  const faults = (method: 'PUT' | 'DELETE', body?: unknown) =>
    fetch(api('/admin/faults/recommendation'), {
      method,
      headers: { authorization: admin, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  const healthy = async () => {
    await faults('DELETE');
    // Every page must be answered by recommendation again: the read model knows the catalog and
    // the circuit has closed after the previous round.
    await until('recommendations are healthy', async () =>
      (await Promise.all(pages.map(recommendationsOf))).every((r) => r.status === 'ok'),
    );
  };
  const hung = async () => {
    await faults('PUT', { hang: true });
    await until('the gateway has degraded', async () => {
      return (await recommendationsOf(pages[0]!)).reason === 'circuit-open';
    });
  };

  const pool = new Pool(stack.url('gateway'), { connections: CONNECTIONS, pipelining: 1 });
  const measure = async (prepare: () => Promise<void>) => {
    await prepare();
    let next = 0;
    let serverErrors = 0;
    const result = await runOpenLoop({
      ratePerSecond: RATE,
      durationMs: SECONDS * 1_000,
      task: async () => {
        const path = pages[next++ % pages.length]!;
        const response = await pool.request({ method: 'GET', path });
        await response.body.dump();
        if (response.statusCode >= 500) serverErrors++;
        if (response.statusCode !== 200) throw new Error(String(response.statusCode));
      },
    });
    return { ...result, serverErrors };
  };

  console.log(`P7: warming up, then ${ROUNDS} interleaved rounds of ${SECONDS} s at ${RATE} req/s`);
  await measure(healthy);
  await measure(hung);
  const rows: string[] = [];
  const results = await interleave(
    ROUNDS,
    () => measure(healthy),
    () => measure(hung),
    (round, arm, r) =>
      rows.push(
        latencyRow(
          `${round} ${arm === 'baseline' ? 'healthy' : 'hung, degraded'}`,
          summarize(r.latenciesMs),
          `errors ${r.errors}, 5xx ${r.serverErrors}`,
        ),
      ),
  );
  await faults('DELETE');
  await pool.close();

  const p7 = ratioSummary(
    results.candidate.map(
      (h, i) => summarize(h.latenciesMs).p99 / summarize(results.baseline[i]!.latenciesMs).p99,
    ),
  );
  const serverErrors = results.candidate.reduce((sum, r) => sum + r.serverErrors, 0);
  publish(
    'p7-recommendation-outage',
    [
      '',
      `P7 product page while recommendation hangs (${machineLine()})`,
      `GET /api/products/:id/page over ${pages.length} products, open loop at ${RATE} req/s, ${CONNECTIONS} keep-alive connections; hung = recommendation fault { hang: true } with the circuit open; load generator shares the cores`,
      '',
      ...LATENCY_HEADER,
      ...rows,
      '',
      ratioLine('P7 p99 hung (degraded) / p99 healthy', p7, '<= 1.2'),
      `P7 5xx while hung: ${serverErrors}; target 0`,
    ],
    { p7, serverErrors, rate: RATE, rows },
  );
} finally {
  await stack.stop();
}
