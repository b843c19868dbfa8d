import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager, type MigrationInterface, type QueryRunner } from 'typeorm';
import { OrderPlaced, TOPICS } from '#libs/contracts';
import {
  createKafka,
  CreateMessagingTables1764000000000,
  OutboxRelay,
  OutboxWriter,
} from '#libs/messaging';
import { startBenchInfrastructure } from './support/bench-infrastructure.js';
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
 * P5: the outbox tax. An order-create transaction (order row + three lines) with its outbox row,
 * against the same transaction without it, on the same PostgreSQL, at the same fixed arrival
 * rate, interleaved. The relay runs during both arms, as it does in production.
 */
class CreateOrderTables1764000000100 implements MigrationInterface {
  async up(runner: QueryRunner) {
    await runner.query(`CREATE TABLE orders (id uuid PRIMARY KEY, customer_id text NOT NULL,
      status text NOT NULL, total_amount bigint NOT NULL, currency char(3) NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now())`);
    await runner.query(`CREATE TABLE order_lines (order_id uuid NOT NULL REFERENCES orders(id),
      product_id uuid NOT NULL, quantity int NOT NULL, unit_amount bigint NOT NULL,
      PRIMARY KEY (order_id, product_id))`);
  }
  async down() {}
}

const RATE = Number(process.env.BENCH_RATE ?? 150);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const lines = [randomUUID(), randomUUID(), randomUUID()].map((productId, i) => ({
  productId,
  quantity: i + 1,
  unitPrice: { amount: 1_999 + i * 100, currency: 'EUR' },
}));

async function insertOrder(transaction: EntityManager, orderId: string): Promise<void> {
  await transaction.query(
    `INSERT INTO orders (id, customer_id, status, total_amount, currency)
     VALUES ($1, 'bench-customer', 'PENDING', 12345, 'EUR')`,
    [orderId],
  );
  await transaction.query(
    `INSERT INTO order_lines (order_id, product_id, quantity, unit_amount)
     VALUES ($1, $2, 1, 1999), ($1, $3, 2, 2099), ($1, $4, 3, 2199)`,
    [orderId, ...lines.map((line) => line.productId)],
  );
}

const infra = await startBenchInfrastructure('bench_p5', [TOPICS.orderEvents]);
const dataSource = new DataSource({
  type: 'postgres',
  url: infra.databaseUrl,
  migrations: [CreateMessagingTables1764000000000, CreateOrderTables1764000000100],
  migrationsRun: true,
  extra: { max: 10 },
});
await dataSource.initialize();
const kafka = createKafka({ clientId: 'bench-order', brokers: infra.brokers });
const relay = new OutboxRelay(dataSource, kafka);
relay.onApplicationBootstrap();
const writer = new OutboxWriter('order');

const withoutOutbox = () =>
  dataSource.transaction((transaction) => insertOrder(transaction, randomUUID()));
const withOutbox = () =>
  dataSource.transaction(async (transaction) => {
    const orderId = randomUUID();
    await insertOrder(transaction, orderId);
    await writer.append(transaction, OrderPlaced, orderId, {
      orderId,
      customerId: 'bench-customer',
      lines,
      total: { amount: 12_345, currency: 'EUR' },
      couponCode: null,
    });
  });

const arm = (task: () => Promise<void>) => () =>
  runOpenLoop({ ratePerSecond: RATE, durationMs: SECONDS * 1_000, task });

console.log(
  `P5 outbox tax: warming up 10 s, then ${ROUNDS} × (baseline, outbox) at ${RATE}/s for ${SECONDS} s each`,
);
await runOpenLoop({ ratePerSecond: RATE, durationMs: 5_000, task: withoutOutbox });
await runOpenLoop({ ratePerSecond: RATE, durationMs: 5_000, task: withOutbox });

const rows: string[] = [];
const results = await interleave(ROUNDS, arm(withoutOutbox), arm(withOutbox), (round, name, r) =>
  rows.push(latencyRow(`${round} ${name}`, summarize(r.latenciesMs), `errors ${r.errors}`)),
);
const p50 = ratioSummary(
  results.candidate.map(
    (c, i) => summarize(c.latenciesMs).p50 / summarize(results.baseline[i]!.latenciesMs).p50,
  ),
);
const p99 = ratioSummary(
  results.candidate.map(
    (c, i) => summarize(c.latenciesMs).p99 / summarize(results.baseline[i]!.latenciesMs).p99,
  ),
);

await relay.beforeApplicationShutdown();
await dataSource.destroy();
await infra.stop();

publish(
  'p5-outbox-tax',
  [
    '',
    `P5 outbox tax (${machineLine()})`,
    `open loop ${RATE}/s, ${SECONDS} s per run, pool of 10 connections; load generator shares the cores`,
    ...LATENCY_HEADER,
    ...rows,
    '',
    ratioLine('p50 with outbox / without', p50, '<= 1.10'),
    ratioLine('p99 with outbox / without', p99, '<= 1.10'),
  ],
  { rate: RATE, seconds: SECONDS, rounds: ROUNDS, p50, p99, results: rows },
);
