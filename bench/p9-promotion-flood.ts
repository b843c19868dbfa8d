import { setTimeout as sleep } from 'node:timers/promises';
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
import { descendantsMemory } from './support/process-memory.js';
import { saturate } from './support/saturate.js';
import { benchPort, QUOTE_BODY, startPromotionBench } from './p9-promotion-process.js';

/**
 * P9: order's promotion calls while product floods promotion at ten times its quota. Order's
 * `POST /quotes` at a fixed rate (open loop), alone and with product's flood beside it (signed as
 * product, open loop at 10 × its quota), interleaved: success rate and p99 against p99 without the
 * flood. Then the rejected path's cost: the rate promotion sustains refusing product (closed loop)
 * against the rate it sustains serving order.
 */
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const RATE = Number(process.env.BENCH_RATE ?? 50);
const PRODUCT_QUOTA = { perSecond: 20, burst: 10 };
const FLOOD_RATE = 10 * PRODUCT_QUOTA.perSecond;
const CONNECTIONS = 16;
// At least 10 s for real measurements (PERFORMANCE.md); shorter only to check the script runs.
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 10);

process.env.LOG_LEVEL = 'warn';
const bench = await startPromotionBench('bench_p9_promotion', {
  promotion: {
    port: benchPort(0),
    env: {
      LOG_LEVEL: 'error',
      RATE_LIMIT_QUOTAS: JSON.stringify({
        default: { perSecond: 5, burst: 5 },
        callers: {
          order: { quote: { perSecond: 100_000, burst: 0 } },
          product: { quote: PRODUCT_QUOTA },
        },
      }),
    },
  },
});
try {
  const url = `${bench.urls.promotion}/quotes`;
  const quote = async (caller: 'order' | 'product') => {
    const response = await fetch(url, {
      method: 'POST',
      headers: await bench.headersFrom(caller),
      body: QUOTE_BODY,
    });
    await response.arrayBuffer();
    return response.status;
  };
  const orderCalls = async (withFlood: boolean) => {
    let refusedFlood = 0;
    let failed = 0;
    const flood = withFlood
      ? runOpenLoop({
          ratePerSecond: FLOOD_RATE,
          durationMs: SECONDS * 1_000,
          task: async () => void ((await quote('product')) === 429 && refusedFlood++),
        })
      : Promise.resolve(undefined);
    const order = runOpenLoop({
      ratePerSecond: RATE,
      durationMs: SECONDS * 1_000,
      task: async () => {
        if ((await quote('order')) !== 200) failed++;
      },
    });
    const [orderResult] = await Promise.all([order, flood]);
    const total = orderResult.latenciesMs.length + orderResult.errors;
    return {
      latency: summarize(orderResult.latenciesMs),
      successRate: (total - failed - orderResult.errors) / total,
      refusedFlood,
    };
  };

  console.log(
    `P9 promotion flood: warming up ${WARMUP_SECONDS} s, then ${ROUNDS} interleaved rounds of ${SECONDS} s`,
  );
  await runOpenLoop({
    ratePerSecond: RATE,
    durationMs: WARMUP_SECONDS * 1_000,
    task: async () => void (await quote('order')),
  });
  const rows: string[] = [];
  const results = await interleave(
    ROUNDS,
    () => orderCalls(false),
    () => orderCalls(true),
    (round, arm, result) =>
      rows.push(
        latencyRow(
          `${round} ${arm === 'baseline' ? 'order alone' : `order + flood ${FLOOD_RATE}/s`}`,
          result.latency,
          `success ${(result.successRate * 100).toFixed(2)}%${arm === 'candidate' ? `, flood refused ${result.refusedFlood}` : ''}`,
        ),
      ),
  );
  const p99 = ratioSummary(
    results.candidate.map((c, i) => c.latency.p99 / results.baseline[i]!.latency.p99),
  );
  const success = Math.min(...results.candidate.map((c) => c.successRate));

  // The rejected path: closed loop, product (refused after its quota) against order (served).
  await sleep(1_000);
  const saturateAs = async (caller: 'order' | 'product') =>
    (
      await saturate({
        url,
        method: 'POST',
        body: QUOTE_BODY,
        headers: await bench.headersFrom(caller),
        connections: CONNECTIONS,
        seconds: Math.max(5, Math.round(SECONDS / 2)),
      })
    ).rps;
  const served: number[] = [];
  const refused: number[] = [];
  await interleave(
    ROUNDS,
    () => saturateAs('order'),
    () => saturateAs('product'),
    (_, arm, rps) => (arm === 'baseline' ? served : refused).push(rps),
  );
  const rejectRatio = ratioSummary(refused.map((rps, i) => rps / served[i]!));
  const memory = descendantsMemory();

  publish(
    'p9-promotion-flood',
    [
      '',
      `P9 promotion flood (${machineLine()})`,
      `order's POST /quotes open loop at ${RATE}/s, alone and with product flooding at ${FLOOD_RATE}/s (10 × its quota of ${PRODUCT_QUOTA.perSecond}/s + burst ${PRODUCT_QUOTA.burst}); Redis store; logs at error; load generator shares the cores`,
      '',
      ...LATENCY_HEADER,
      ...rows,
      '',
      `P9 order success rate under flood: worst round ${(success * 100).toFixed(3)}%; target >= 99.9%`,
      ratioLine('P9 order p99 with flood / without', p99, '<= 1.5'),
      `rejected path, closed loop, ${CONNECTIONS} connections: refused ${refused.map((r) => r.toFixed(0)).join(', ')} req/s vs served ${served.map((r) => r.toFixed(0)).join(', ')} req/s`,
      ratioLine('P9 rejected-path rate / served rate', rejectRatio, '>= 2'),
      `RSS after load: ${memory.map((p) => `${p.rssMb.toFixed(0)} MB`).join(', ')}`,
    ],
    {
      rows,
      p99,
      success,
      served,
      refused,
      rejectRatio,
      rate: RATE,
      seconds: SECONDS,
      rounds: ROUNDS,
    },
  );
} finally {
  await bench.stop();
}
