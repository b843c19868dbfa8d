import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import { defineEvent, type EventEnvelope } from '#libs/contracts';
import {
  createKafka,
  CreateMessagingTables1764000000000,
  type EventHandler,
  EventConsumer,
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
 * P6: the event path. From the commit of the producing transaction to the start of the consumer's
 * handler (outbox relay, Kafka, inbox transaction included), against raw kafkajs
 * produce-to-consume on the same broker, at the same fixed rate, interleaved.
 */
const RATE = Number(process.env.BENCH_RATE ?? 100);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const topics = {
  raw: { name: 'bench.raw', partitions: 3 },
  outbox: { name: 'bench.outbox', partitions: 3, key: 'id', description: 'P6 benchmark' },
};
const Pinged = defineEvent({
  type: 'Pinged',
  version: 1,
  topic: topics.outbox,
  payload: z.object({ n: z.number() }),
});

const infra = await startBenchInfrastructure('bench_p6', [topics.raw, topics.outbox]);
const dataSource = new DataSource({
  type: 'postgres',
  url: infra.databaseUrl,
  migrations: [CreateMessagingTables1764000000000],
  migrationsRun: true,
  extra: { max: 10 },
});
await dataSource.initialize();
const kafka = createKafka({ clientId: 'bench', brokers: infra.brokers });

/**
 * When each message was committed (or sent) and when it arrived, by id. An event can reach its
 * handler before the committing call has returned to the benchmark, so whichever side comes
 * second records the lag.
 */
const startedAt = new Map<string, number>();
const arrivedAt = new Map<string, number>();
let lagsMs: number[] = [];
const arrived = (id: string) => {
  const start = startedAt.get(id);
  if (start === undefined) return void arrivedAt.set(id, performance.now());
  lagsMs.push(performance.now() - start);
  startedAt.delete(id);
};
const started = (id: string) => {
  const arrival = arrivedAt.get(id);
  if (arrival === undefined) return void startedAt.set(id, performance.now());
  lagsMs.push(Math.max(0, arrival - performance.now()));
  arrivedAt.delete(id);
};

// Baseline: a producer and a consumer group talking directly.
const rawProducer = kafka.producer();
await rawProducer.connect();
const rawConsumer = kafka.consumer({ groupId: `bench-raw-${randomUUID()}` });
await rawConsumer.connect();
await rawConsumer.subscribe({ topic: topics.raw.name });
await rawConsumer.run({ eachMessage: async ({ message }) => arrived(message.value!.toString()) });

// Candidate: the outbox relay and an idempotent consumer, as every service runs them.
const relay = new OutboxRelay(dataSource, kafka);
relay.onApplicationBootstrap();
const writer = new OutboxWriter('bench');
const recordArrival: EventHandler<typeof Pinged> = {
  contract: Pinged,
  handle: async (event: EventEnvelope) => arrived(event.id),
};
const consumer = new EventConsumer(
  `bench-outbox-${randomUUID()}`,
  [recordArrival],
  kafka,
  dataSource,
);
consumer.start();

let n = 0;
const sendRaw = async () => {
  const id = randomUUID();
  started(id);
  await rawProducer.send({ topic: topics.raw.name, acks: -1, messages: [{ key: id, value: id }] });
};
const commitEvent = async () => {
  const id = await dataSource.transaction(async (transaction) => {
    const envelope = await writer.append(transaction, Pinged, randomUUID(), { n: n++ });
    return envelope.id;
  });
  // The clock starts at commit: the relay cannot see the row before that.
  started(id);
};

async function measure(task: () => Promise<void>) {
  lagsMs = [];
  startedAt.clear();
  arrivedAt.clear();
  const load = await runOpenLoop({ ratePerSecond: RATE, durationMs: SECONDS * 1_000, task });
  const deadline = Date.now() + 10_000;
  while (startedAt.size > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  return { lags: lagsMs, lost: startedAt.size, errors: load.errors };
}

console.log(`P6 event path: waiting for both consumer groups, warming up, then ${ROUNDS} rounds`);
await new Promise((r) => setTimeout(r, 5_000));
await measure(sendRaw);
await measure(commitEvent);

const rows: string[] = [];
const results = await interleave(
  ROUNDS,
  () => measure(sendRaw),
  () => measure(commitEvent),
  (round, arm, r) =>
    rows.push(
      latencyRow(`${round} ${arm}`, summarize(r.lags), `not arrived ${r.lost}, errors ${r.errors}`),
    ),
);
const p99 = ratioSummary(
  results.candidate.map((c, i) => summarize(c.lags).p99 / summarize(results.baseline[i]!.lags).p99),
);
const p50 = ratioSummary(
  results.candidate.map((c, i) => summarize(c.lags).p50 / summarize(results.baseline[i]!.lags).p50),
);

await consumer.stop();
await relay.beforeApplicationShutdown();
await rawConsumer.disconnect();
await rawProducer.disconnect();
await dataSource.destroy();
await infra.stop();

publish(
  'p6-event-path',
  [
    '',
    `P6 event path (${machineLine()})`,
    `open loop ${RATE}/s, ${SECONDS} s per run; baseline = raw kafkajs produce→consume, candidate = commit→handler via outbox relay and inbox`,
    ...LATENCY_HEADER,
    ...rows,
    '',
    ratioLine('p99 outbox path / raw kafkajs', p99, '<= 3'),
    ratioLine('p50 outbox path / raw kafkajs', p50, '(no target)'),
  ],
  { rate: RATE, seconds: SECONDS, rounds: ROUNDS, p50, p99, results: rows },
);
