import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import pg from 'pg';
import { ALL_TOPICS, SERVICES, type ServiceName } from '#libs/contracts';
import { ServiceTokenSigner } from '#libs/service-identity';
import { ensureTopics } from '../tools/infra/kafka/ensure-topics.js';
import { startKafka } from '../tools/infra/kafka/start-kafka.js';
import { pgConnectionUrl } from '../tools/infra/postgres/pg-connection-url.js';
import { provisionServiceDatabases } from '../tools/infra/postgres/provision-service-databases.js';
import { serviceDatabaseUrl } from '../tools/infra/postgres/service-database-url.js';
import { startPostgres } from '../tools/infra/postgres/start-postgres.js';
import { appEnvironment, serviceDatabaseFor } from '../tools/stack/app-environment.js';
import { type AppProcess, startApp, stopApp } from '../tools/stack/app-process.js';
import { waitUntilReady } from '../tools/stack/wait-until-ready.js';
import { localServiceKeys } from '../tools/token/local-service-keys.js';
import { interleave, ratioSummary } from './support/interleave.js';
import { machineLine, publish, ratioLine } from './support/print-report.js';
import { cpuSecondsOf } from './support/process-cpu.js';
import { descendantsMemory } from './support/process-memory.js';

/**
 * P4: orders completed per second through the placement saga (order + product + promotion
 * processes, each on its own database of one PostgreSQL, talking over one Kafka) against
 * `pgbench -N` (simple-update) transactions per second on that same PostgreSQL, with the same
 * number of clients, interleaved (pgbench, saga, pgbench, saga, ...).
 *
 * Saga arm: each client places an order (straight at the order service, signed as the gateway,
 * with a coupon so every step runs: reserve, redeem, confirm, commit) and waits until its saga has
 * ended before placing the next, so N clients keep N sagas in flight, as pgbench's N clients keep
 * N transactions. The throughput is counted in the order database: sagas COMPLETED within the
 * measured window. The load generator shares the cores with everything measured, in both arms.
 * Each saga round also prints the CPU milliseconds each part of the stack spent per completed
 * saga, and each step's median time from command to reply: the two say whether the saga is
 * bound by CPU or by waiting.
 *
 * Short mode for a smoke run: BENCH_SECONDS=5 BENCH_ROUNDS=1 BENCH_WARMUP_SECONDS=3.
 */
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 8);
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 10);
/** How long the idle stack is watched to tell its fixed CPU cost from the sagas' own. */
const REST_SECONDS = Number(process.env.BENCH_REST_SECONDS ?? 3);
const PRODUCTS = 20;
/** Linux's USER_HZ, the unit of /proc/<pid>/stat times (as in support/process-cpu.ts). */
const CLOCK_TICKS_PER_SECOND = 100;
const APPS = ['product', 'promotion', 'order'] as const satisfies ServiceName[];

const PORT_BASE = 17600;
const POSTGRES_PORT = 55485;
const KAFKA_PORT = 20112;
const dataDir = resolve('.data/bench-p4');
const port = (app: ServiceName) => PORT_BASE + SERVICES[app].port - SERVICES.gateway.port;
const url = (app: ServiceName, path: string) => `http://127.0.0.1:${port(app)}${path}`;

const pgbench = findPgbench();
// The embedded servers, as on a developer's machine, not whatever PG* / KAFKA_BROKERS name.
for (const name of ['PGHOST', 'PGPORT', 'PGUSER', 'PGPASSWORD', 'PGDATABASE', 'KAFKA_BROKERS']) {
  delete process.env[name];
}
rmSync(dataDir, { recursive: true, force: true });
const quiet = () => undefined;
const [postgres, kafka] = await Promise.all([
  startPostgres({ dataDir: join(dataDir, 'postgres'), port: POSTGRES_PORT, log: quiet }),
  startKafka({
    dataDir: join(dataDir, 'kafka'),
    port: KAFKA_PORT,
    controllerPort: KAFKA_PORT + 1,
    log: quiet,
  }),
]);
const apps: AppProcess[] = [];
let stopping = false;
let appDied: (error: Error) => void = () => undefined;
const anAppDied = new Promise<never>((_, reject) => (appDied = reject));
anAppDied.catch(() => undefined); // observed by the saga arm's clients

try {
  await provisionServiceDatabases(postgres.admin, APPS.map(serviceDatabaseFor));
  await ensureTopics(kafka.brokers, [...ALL_TOPICS]);
  const keysDir = join(dataDir, 'keys');
  const server = { host: postgres.admin.host, port: postgres.admin.port };
  const endpoints = {
    ports: Object.fromEntries(
      (Object.keys(SERVICES) as ServiceName[]).map((name) => [name, port(name)]),
    ) as Record<ServiceName, number>,
    kafkaBrokers: kafka.brokers,
    databaseUrls: Object.fromEntries(
      APPS.map((app) => [app, serviceDatabaseUrl(server, serviceDatabaseFor(app))]),
    ),
  };
  for (const app of APPS) {
    const env = { ...appEnvironment(app, endpoints, keysDir), LOG_LEVEL: 'warn' };
    apps.push(startApp(app, env, { colour: 36, format: 'json' }));
  }
  // A saga in flight when a service dies never ends: fail the run instead of waiting forever.
  for (const app of apps) {
    void app.exited.then((code) => {
      if (!stopping) appDied(new Error(`P4: ${app.name} exited (code ${code}) during the run`));
    });
  }
  await Promise.all(APPS.map((app) => waitUntilReady(url(app, '/health/ready'), 120_000)));

  const signer = new ServiceTokenSigner({
    service: 'gateway',
    signingKey: localServiceKeys(keysDir).gateway,
  });
  const call = async (
    app: ServiceName,
    method: string,
    path: string,
    body: unknown,
    key?: string,
  ) => {
    const response = await fetch(url(app, path), {
      method,
      headers: {
        authorization: await signer.authorizationFor(app),
        'content-type': 'application/json',
        ...(key ? { 'idempotency-key': key } : {}),
      },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as { id: string } };
  };

  const productIds = await createProducts(call, () => signer.authorizationFor('promotion'));
  const couponCode = `BENCHP4${randomUUID().slice(0, 6).toUpperCase()}`;
  const coupon = await call('promotion', 'POST', '/coupons', {
    code: couponCode,
    percentOff: 5,
    maxRedemptions: 1_000_000_000,
  });
  if (coupon.status !== 201) throw new Error(`P4: coupon not created (${coupon.status})`);

  const orders = new pg.Pool({ connectionString: endpoints.databaseUrls.order, max: 2 });
  const saga = sagaArm(orders, (client) =>
    call(
      'order',
      'POST',
      '/orders',
      {
        customerId: `bench-customer-${client}`,
        items: [{ productId: productIds[Math.floor(Math.random() * PRODUCTS)], quantity: 1 }],
        couponCode,
      },
      randomUUID(),
    ),
  );

  const adminUrl = new URL(pgConnectionUrl(postgres.admin));
  await runSql(adminUrl.toString(), 'CREATE DATABASE pgbench_p4');
  adminUrl.pathname = '/pgbench_p4';
  const pgbenchEnv = {
    ...process.env,
    PGHOST: postgres.admin.host,
    PGPORT: String(postgres.admin.port),
    PGUSER: postgres.admin.user,
    PGPASSWORD: postgres.admin.password,
    PGDATABASE: 'pgbench_p4',
  };
  await promisify(execFile)(pgbench, ['-i', '-s', '10', '-q'], { env: pgbenchEnv });
  const simpleUpdate = async (seconds: number) => {
    const jobs = String(Math.min(CLIENTS, 2));
    const { stdout } = await promisify(execFile)(
      pgbench,
      ['-N', '-n', '-c', String(CLIENTS), '-j', jobs, '-T', String(seconds)],
      { env: pgbenchEnv },
    );
    const tps = /tps = ([\d.]+) \(without initial connection time\)/.exec(stdout)?.[1];
    if (!tps) throw new Error(`P4: cannot read pgbench's tps from:\n${stdout}`);
    return Number(tps);
  };

  // Warm-up, discarded: pools, JIT, consumer groups, pgbench's tables in cache.
  await saga.run(WARMUP_SECONDS);
  await simpleUpdate(Math.max(1, Math.round(WARMUP_SECONDS / 2)));
  const restMsPerSecond = await cpuAtRest(REST_SECONDS);

  const rounds: {
    round: number;
    pgbenchTps: number;
    sagaPerSecond: number;
    cancelled: number;
    cpuMsPerSaga: Record<string, number>;
    commitsPerSaga: Record<string, number>;
    pgbenchPostgresCpuMsPerTxn: number;
  }[] = [];
  const results = await interleave(
    ROUNDS,
    async () => {
      // PostgreSQL's CPU per pgbench transaction: a saga's PostgreSQL CPU, in these units, says
      // how many pgbench transactions one saga's database work is worth.
      const before = postgresCpuSeconds();
      const tps = await simpleUpdate(SECONDS);
      const postgresCpuMsPerTxn = ((postgresCpuSeconds() - before) * 1_000) / (tps * SECONDS);
      return { tps, cancelled: 0, cpuMsPerSaga: {}, commitsPerSaga: {}, postgresCpuMsPerTxn };
    },
    () =>
      saga.run(SECONDS).then((r) => ({
        tps: r.completedPerSecond,
        cancelled: r.cancelled,
        cpuMsPerSaga: r.cpuMsPerSaga,
        commitsPerSaga: r.commitsPerSaga,
        postgresCpuMsPerTxn: 0,
      })),
    (round, arm, result) => {
      console.log(`P4 round ${round} ${arm}: ${result.tps.toFixed(1)}/s`);
    },
  );
  results.baseline.forEach((baseline, index) => {
    const candidate = results.candidate[index]!;
    rounds.push({
      round: index + 1,
      pgbenchTps: baseline.tps,
      sagaPerSecond: candidate.tps,
      cancelled: candidate.cancelled,
      cpuMsPerSaga: candidate.cpuMsPerSaga,
      commitsPerSaga: candidate.commitsPerSaga,
      pgbenchPostgresCpuMsPerTxn: Number(baseline.postgresCpuMsPerTxn.toFixed(3)),
    });
  });
  const ratio = ratioSummary(rounds.map((r) => r.sagaPerSecond / r.pgbenchTps));
  const memory = descendantsMemory()
    .map(
      (m) =>
        `${m.command.split('/').slice(-3).join('/').slice(0, 40)} ${m.pssMb.toFixed(0)} MB PSS`,
    )
    .join(', ');
  // Where a saga's time goes: each step's median from its command to its reply being handled.
  const { rows: steps } = await orders.query<{ step: string; p50_ms: number }>(
    `SELECT s.step, round(percentile_cont(0.5) WITHIN GROUP (
              ORDER BY extract(epoch FROM d.at - s.at) * 1000)::numeric, 1) AS p50_ms
       FROM order_saga_steps s
       JOIN order_saga_steps d ON d.order_id = s.order_id AND d.step = s.step
        AND d.outcome = 'succeeded' AND s.outcome = 'started'
      GROUP BY s.step ORDER BY min(s.id)`,
  );
  await orders.end();

  publish(
    'p4-saga-vs-pgbench',
    [
      `## P4: saga throughput vs pgbench -N (${CLIENTS} clients, ${SECONDS} s per run, ${ROUNDS} rounds interleaved)`,
      machineLine(),
      '',
      '| round | pgbench -N tps | sagas completed/s | saga/pgbench | sagas cancelled | CPU ms per saga | commits per saga | PostgreSQL CPU ms per pgbench txn |',
      '| --- | --- | --- | --- | --- | --- | --- | --- |',
      ...rounds.map(
        (r) =>
          `| ${r.round} | ${r.pgbenchTps.toFixed(1)} | ${r.sagaPerSecond.toFixed(1)} | ${(r.sagaPerSecond / r.pgbenchTps).toFixed(3)} | ${r.cancelled} | ${Object.entries(
            r.cpuMsPerSaga,
          )
            .map(([part, ms]) => `${part} ${ms}`)
            .join(', ')} | ${Object.entries(r.commitsPerSaga)
            .map(([database, commits]) => `${database} ${commits}`)
            .join(', ')} | ${r.pgbenchPostgresCpuMsPerTxn} |`,
      ),
      '',
      ratioLine('P4 saga/pgbench', ratio, '>= 0.10 (stretch 0.15)'),
      `median time per step, command to reply handled: ${steps.map((s) => `${s.step} ${s.p50_ms} ms`).join(', ')}`,
      `CPU ms per second with no saga running (part of each round's CPU per saga): ${Object.entries(
        restMsPerSecond,
      )
        .map(([part, ms]) => `${part} ${ms}`)
        .join(', ')}`,
      `resident memory: ${memory}`,
      'Load generator, three services, PostgreSQL and Kafka share the same cores in both arms.',
    ],
    { clients: CLIENTS, seconds: SECONDS, rounds, ratio, steps, restMsPerSecond },
  );
} finally {
  stopping = true;
  await Promise.all(apps.map((app) => stopApp(app, 12_000)));
  await Promise.allSettled([kafka.stop(), postgres.stop()]);
}

type Call = (
  app: ServiceName,
  method: string,
  path: string,
  body: unknown,
  key?: string,
) => Promise<{ status: number; body: { id: string } }>;

/** Products with stock that never runs out, once promotion has heard of them (to quote them). */
async function createProducts(call: Call, promotionAuth: () => Promise<string>): Promise<string[]> {
  const ids: string[] = [];
  for (let n = 0; n < PRODUCTS; n++) {
    const sku = `BENCH-P4-${String(n).padStart(3, '0')}`;
    const created = await call('product', 'POST', '/products', {
      sku,
      name: `P4 product ${n}`,
      description: 'Benchmark product.',
      categoryId: 'books',
      price: { amount: 1_000, currency: 'EUR' },
      initialStock: 1_000_000,
    });
    if (created.status !== 201) throw new Error(`P4: product not created (${created.status})`);
    ids.push(created.body.id);
  }
  const deadline = Date.now() + 60_000;
  for (const id of ids) {
    const known = async () =>
      (
        await fetch(url('promotion', `/promotions?productId=${id}`), {
          headers: { authorization: await promotionAuth() },
        })
      ).status === 200;
    while (!(await known())) {
      if (Date.now() > deadline) throw new Error('P4: promotion never heard of the products');
      await sleep(100);
    }
  }
  return ids;
}

/**
 * N closed-loop clients, each with one saga in flight. One poller reads which of the in-flight
 * sagas have ended (one indexed query every 10 ms for all clients), so clients do not hammer the
 * order service with GETs that would slow the sagas they measure.
 */
function sagaArm(
  orders: pg.Pool,
  place: (client: number) => Promise<{ status: number; body: { id: string } }>,
) {
  return {
    async run(seconds: number) {
      const waiting = new Map<string, () => void>();
      let stop = false;
      let cancelled = 0;
      let polls = 0;
      const poller = (async () => {
        while (!stop || waiting.size > 0) {
          if (waiting.size > 0) {
            polls++;
            const { rows } = await orders.query<{ order_id: string; status: string }>(
              `SELECT order_id, status FROM order_sagas
                WHERE order_id = ANY($1) AND status IN ('COMPLETED', 'CANCELLED', 'COMPENSATION_FAILED')`,
              [[...waiting.keys()]],
            );
            for (const row of rows) {
              if (row.status !== 'COMPLETED') cancelled++;
              waiting.get(row.order_id)?.();
              waiting.delete(row.order_id);
            }
          }
          await sleep(10);
        }
      })();
      const client = async (n: number) => {
        while (!stop) {
          const placed = await place(n);
          if (placed.status !== 202) throw new Error(`P4: order not accepted (${placed.status})`);
          await Promise.race([
            new Promise<void>((done) => waiting.set(placed.body.id, done)),
            anAppDied,
          ]);
        }
      };
      const cpuBefore = cpuByPart();
      const commitsBefore = await commitsByDatabase(orders);
      const pollsBefore = polls;
      const [{ now: from }] = (await orders.query('SELECT clock_timestamp() AS now')).rows;
      const clients = Promise.all(Array.from({ length: CLIENTS }, (_, n) => client(n)));
      clients.catch(() => undefined); // awaited below, or the run has failed already
      try {
        await Promise.race([sleep(seconds * 1_000), anAppDied]);
      } catch (error) {
        stop = true;
        waiting.clear(); // the poller ends
        throw error;
      }
      const [{ now: to }] = (await orders.query('SELECT clock_timestamp() AS now')).rows;
      const cpuAfter = cpuByPart();
      const commitsAfter = await commitsByDatabase(orders);
      // The poller's own queries are the load generator's, not the saga's.
      commitsAfter.order! -= polls - pollsBefore + 2;
      stop = true;
      await clients;
      await poller;
      const { rows } = await orders.query<{ n: string }>(
        `SELECT count(*) AS n FROM order_sagas
          WHERE status = 'COMPLETED' AND updated_at >= $1 AND updated_at < $2`,
        [from, to],
      );
      const elapsed = (new Date(to).getTime() - new Date(from).getTime()) / 1_000;
      const completed = Number(rows[0]!.n);
      // CPU milliseconds per completed saga, by part: is the saga CPU-bound, and where?
      const cpuMsPerSaga = Object.fromEntries(
        Object.entries(cpuAfter).map(([part, seconds]) => [
          part,
          Math.round(((seconds - (cpuBefore[part] ?? 0)) * 1_000) / Math.max(completed, 1)),
        ]),
      );
      // Commits per saga in each service's database (each statement outside a transaction counts
      // as one); PostgreSQL flushes these counters about once a second, so short runs are rough.
      const commitsPerSaga = Object.fromEntries(
        Object.entries(commitsAfter).map(([database, commits]) => [
          database,
          Number(((commits - (commitsBefore[database] ?? 0)) / Math.max(completed, 1)).toFixed(1)),
        ]),
      );
      return { completedPerSecond: completed / elapsed, cancelled, cpuMsPerSaga, commitsPerSaga };
    },
  };
}

/**
 * CPU milliseconds per second each part spends while no saga runs: consumer fetch loops,
 * heartbeats, relays' idle polls, the saga sweeper, PostgreSQL's and Kafka's housekeeping. Each
 * round's CPU per saga includes this fixed cost, spread over the sagas of the round.
 */
async function cpuAtRest(seconds: number): Promise<Record<string, number>> {
  const before = cpuByPart();
  delete before.load; // the load generator only sleeps here
  await sleep(seconds * 1_000);
  const after = cpuByPart();
  return Object.fromEntries(
    Object.entries(before).map(([part, cpu]) => [
      part,
      Math.round((((after[part] ?? cpu) - cpu) * 1_000) / seconds),
    ]),
  );
}

/** CPU seconds used so far by each part of the stack (the apps, PostgreSQL, Kafka, this load). */
function cpuByPart(): Record<string, number> {
  const parts: Record<string, number> = { load: process.cpuUsage().user / 1e6 };
  parts.load! += process.cpuUsage().system / 1e6;
  for (const { pid, command } of descendantsMemory()) {
    const part =
      APPS.find((app) => command.includes(`apps/${app}/`)) ??
      (command.includes('postgres')
        ? postgresPart(command)
        : command.includes('kafka')
          ? 'kafka'
          : 'other');
    try {
      parts[part] = (parts[part] ?? 0) + cpuSecondsOf(pid);
    } catch {
      // the process ended in between (a PostgreSQL backend, a shell)
    }
  }
  return parts;
}

/**
 * CPU seconds used so far by the PostgreSQL server and all its backends, including those that
 * have ended (pgbench's, when its run is over): the kernel adds a reaped child's CPU to its
 * parent's `cutime`/`cstime`, and every backend is a child of the postmaster.
 */
function postgresCpuSeconds(): number {
  const live = Object.entries(cpuByPart())
    .filter(([part]) => part === 'postgres' || part.startsWith('pg:'))
    .reduce((sum, [, seconds]) => sum + seconds, 0);
  const postmaster = descendantsMemory().find(({ command }) =>
    command.includes(`-p ${POSTGRES_PORT}`),
  );
  if (!postmaster) return live;
  const stat = readFileSync(`/proc/${postmaster.pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return live + (Number(fields[13]) + Number(fields[14])) / CLOCK_TICKS_PER_SECOND;
}

/** Transactions committed so far in each service's database. */
async function commitsByDatabase(pool: pg.Pool): Promise<Record<string, number>> {
  const { rows } = await pool.query<{ datname: string; commits: string }>(
    'SELECT datname, xact_commit AS commits FROM pg_stat_database WHERE datname = ANY($1)',
    [[...APPS]],
  );
  return Object.fromEntries(rows.map((row) => [row.datname, Number(row.commits)]));
}

/**
 * A PostgreSQL backend's process title names its database (`postgres: order order 127.0.0.1(...)`):
 * each service's share is told apart from the server's own work (WAL writer, checkpointer,
 * autovacuum), which is `postgres`.
 */
function postgresPart(command: string): string {
  const database = /^postgres: (\w+) \w+ /.exec(command)?.[1];
  return database && (APPS as readonly string[]).includes(database) ? `pg:${database}` : 'postgres';
}

async function runSql(connectionString: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * pgbench from the PostgreSQL client tools: `PGBENCH` if set, else the newest under
 * /usr/lib/postgresql/<version>/bin, else the one on PATH. The embedded server ships none.
 */
function findPgbench(): string {
  if (process.env.PGBENCH) return process.env.PGBENCH;
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
  for (const version of versions) {
    const candidate = join(root, version, 'bin', 'pgbench');
    if (existsSync(candidate)) return candidate;
  }
  return 'pgbench';
}
