import { context, propagation, SpanKind, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import {
  InMemorySpanExporter,
  SimpleSpanProcessor,
  TracerProvider,
} from '@opentelemetry/sdk-trace';
import { randomUUID } from 'node:crypto';
import type { Kafka, KafkaMessage } from 'kafkajs';
import { Counter, Gauge, Registry } from 'prom-client';
import type { DataSource } from 'typeorm';
import { z } from 'zod';
import { defineEvent, type TopicContract } from '#libs/contracts';
import { isolatedDatabase } from '../../../test/support/isolated-database.js';
import { eventually } from '../../../test/support/poll.js';
import { ConsumerLagMonitor } from './consumer/consumer-lag.monitor.js';
import { DEAD_LETTER_TOPIC } from './consumer/dead-letter.js';
import { EventConsumer } from './consumer/event-consumer.js';
import type { EventHandler } from './consumer/event-handler.js';
import { createKafka } from './create-kafka.js';
import { CreateMessagingTables1764000000000 } from './messaging-tables.migration.js';
import type { HandledLabel, LagLabel, PublishedLabel } from './metrics/messaging-metrics.js';
import { readOutboxBacklog } from './outbox/outbox-backlog.js';
import { OutboxRelay } from './outbox/outbox.relay.js';
import { OutboxWriter } from './outbox/outbox.writer.js';

const testTopic = (purpose: string): TopicContract => ({
  name: `test.observability.${purpose}.${randomUUID()}`,
  partitions: 2,
  key: 'productId',
  description: 'test topic',
});
const stockTopic = testTopic('stock');
const lagTopic = testTopic('lag');
const countedTopic = testTopic('counted');
const stockCounted = (topic: TopicContract, version = 1) =>
  defineEvent({
    type: 'StockCounted',
    version,
    topic,
    payload: z.object({ productId: z.string() }),
  });
type StockCounted = ReturnType<typeof stockCounted>;

class NoteStockWhenCounted implements EventHandler<StockCounted> {
  readonly contract: StockCounted;
  failuresToInject = 0;

  constructor(topic: TopicContract = stockTopic) {
    this.contract = stockCounted(topic);
  }

  async handle() {
    if (this.failuresToInject > 0) {
      this.failuresToInject--;
      throw new Error('injected transient failure');
    }
  }
}

/**
 * The observability of reliable messaging, on real PostgreSQL and Kafka: the trace context an
 * event carries from the work that wrote it, and the metrics of the outbox and the consumers.
 * Tracing is installed here by hand (no instrumentations: Jest loads modules its own way); the
 * instrumented path across processes is tested in test/e2e/tracing.e2e-spec.ts.
 */
describe('messaging observability on real PostgreSQL and Kafka', () => {
  const brokers = (process.env.KAFKA_BROKERS_TEST ?? '').split(',');
  const spans = new InMemorySpanExporter();
  const tracerProvider = new TracerProvider({
    spanProcessors: [new SimpleSpanProcessor({ exporter: spans })],
  });
  const tracer = tracerProvider.getTracer('test');
  const registry = new Registry();
  const published = new Counter<PublishedLabel>({
    name: 'published_total',
    help: 'test',
    labelNames: ['topic'],
    registers: [registry],
  });
  const handled = new Counter<HandledLabel>({
    name: 'handled_total',
    help: 'test',
    labelNames: ['consumer_group', 'event_type', 'outcome'],
    registers: [registry],
  });
  const lag = new Gauge<LagLabel>({
    name: 'lag',
    help: 'test',
    labelNames: ['consumer_group', 'topic', 'partition'],
    registers: [registry],
  });
  let kafka: Kafka;
  let database: Awaited<ReturnType<typeof isolatedDatabase>>;
  let dataSource: DataSource;
  let relay: OutboxRelay;
  const writer = new OutboxWriter('product');
  const stoppables: { stop(): Promise<void> }[] = [];

  beforeAll(async () => {
    context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
    propagation.setGlobalPropagator(new W3CTraceContextPropagator());
    trace.setGlobalTracerProvider(tracerProvider);
    kafka = createKafka({ clientId: 'product', brokers });
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({
      topics: [stockTopic, lagTopic, countedTopic, { name: DEAD_LETTER_TOPIC, partitions: 1 }].map(
        (t) => ({
          topic: t.name,
          numPartitions: t.partitions,
        }),
      ),
      waitForLeaders: true,
    });
    await admin.disconnect();
    database = await isolatedDatabase([CreateMessagingTables1764000000000]);
    dataSource = database.dataSource;
    relay = new OutboxRelay(dataSource, kafka, published);
    relay.onApplicationBootstrap();
  }, 60_000);

  afterAll(async () => {
    await Promise.all(stoppables.map((s) => s.stop()));
    await relay?.beforeApplicationShutdown();
    await database?.close();
    context.disable();
    trace.disable();
    propagation.disable();
  }, 30_000);

  const count = (productId: string, topic: TopicContract = stockTopic) =>
    dataSource.transaction((transaction) =>
      writer.append(transaction, stockCounted(topic), productId, { productId }),
    );

  /** Collects everything on a topic from the beginning, in arrival order. */
  async function tail(topic: string): Promise<KafkaMessage[]> {
    const seen: KafkaMessage[] = [];
    const reader = kafka.consumer({ groupId: `tail-${randomUUID()}` });
    stoppables.push({ stop: () => reader.disconnect() });
    await reader.connect();
    await reader.subscribe({ topic, fromBeginning: true });
    await reader.run({ eachMessage: async ({ message }) => void seen.push(message) });
    return seen;
  }

  function startConsumer(handler: EventHandler, groupId = `stock-${randomUUID()}`) {
    const consumer = new EventConsumer(groupId, [handler], kafka, dataSource, handled);
    stoppables.push(consumer);
    consumer.start();
    return consumer;
  }

  async function handledCount(groupId: string, outcome: string, eventType = 'StockCounted') {
    const { values } = await handled.get();
    const value = values.find(
      ({ labels }) =>
        labels.consumer_group === groupId &&
        labels.event_type === eventType &&
        labels.outcome === outcome,
    );
    return value?.value ?? 0;
  }

  const header = (message: KafkaMessage, name: string) => message.headers?.[name]?.toString();

  it('publishes an event as a child span of the work that wrote it, carried in traceparent', async () => {
    const messages = await tail(stockTopic.name);
    const { request, event } = await tracer.startActiveSpan('POST /stock', async (request) => {
      const event = await count('p-traced');
      request.end();
      return { request: request.spanContext(), event };
    });

    await eventually('the event is on the topic', async () =>
      messages.some((m) => header(m, 'event-id') === event.id),
    );
    const message = messages.find((m) => header(m, 'event-id') === event.id)!;
    const publish = spans
      .getFinishedSpans()
      .find((span) => span.attributes['messaging.message.id'] === event.id);
    expect(publish).toMatchObject({
      name: `send ${stockTopic.name}`,
      kind: SpanKind.PRODUCER,
      parentSpanContext: { traceId: request.traceId, spanId: request.spanId },
    });
    expect(publish?.attributes['messaging.batch.message_count']).toBeGreaterThanOrEqual(1);
    const { traceId, spanId } = publish!.spanContext();
    expect(header(message, 'traceparent')).toBe(`00-${traceId}-${spanId}-01`);
    expect(JSON.parse(message.value!.toString()).traceparent).toBe(
      `00-${request.traceId}-${request.spanId}-01`,
    );
  }, 60_000);

  it('counts the events it publishes, by topic', async () => {
    await count('p-counted-1', countedTopic);
    await count('p-counted-2', countedTopic);
    await eventually('both events are counted as published', async () => {
      const { values } = await published.get();
      return values.find((v) => v.labels.topic === countedTopic.name)?.value === 2;
    });
  }, 60_000);

  it('reports how many events wait in the outbox and how long the oldest has waited', async () => {
    // A database no relay serves: what a stuck or switched-off relay leaves behind.
    const idle = await isolatedDatabase([CreateMessagingTables1764000000000]);
    try {
      expect(await readOutboxBacklog(idle.dataSource)).toEqual({
        unpublished: 0,
        oldestAgeSeconds: 0,
      });
      await idle.dataSource.query(
        `INSERT INTO outbox_messages (event_id, topic, message_key, event_type, envelope, created_at)
         VALUES ($1, 't', 'k', 'StockCounted', '{}', now() - interval '90 seconds'),
                ($2, 't', 'k', 'StockCounted', '{}', now())`,
        [randomUUID(), randomUUID()],
      );
      const backlog = await readOutboxBacklog(idle.dataSource);
      expect(backlog.unpublished).toBe(2);
      expect(backlog.oldestAgeSeconds).toBeGreaterThanOrEqual(90);
      expect(backlog.oldestAgeSeconds).toBeLessThan(120);
    } finally {
      await idle.close();
    }
  }, 60_000);

  it('counts every message a group processes by outcome', async () => {
    const handler = new NoteStockWhenCounted();
    handler.failuresToInject = 1;
    const consumer = startConsumer(handler);
    const event = await count('p-outcomes');
    const producer = kafka.producer();
    await producer.connect();
    await producer.send({
      topic: stockTopic.name,
      messages: [
        { key: 'p-outcomes', value: JSON.stringify(event) }, // a redelivery
        { key: 'p-outcomes', value: JSON.stringify({ ...event, id: randomUUID(), type: 'Other' }) },
        { key: 'p-outcomes', value: JSON.stringify({ ...event, id: randomUUID(), version: 9 }) },
        { key: 'p-outcomes', value: '{"not": "an envelope"' },
      ],
    });
    await producer.disconnect();

    const { groupId } = consumer;
    const outcomes = async () => ({
      // The group reads the topic from the beginning: the events of earlier tests count too.
      handled: (await handledCount(groupId, 'handled')) >= 1,
      duplicate: (await handledCount(groupId, 'duplicate')) >= 1,
      ignored: await handledCount(groupId, 'ignored', 'other'),
      unknownVersion: await handledCount(groupId, 'dead_lettered'),
      notJson: await handledCount(groupId, 'dead_lettered', 'other'),
      // Only the first message the group processed failed, once.
      retried: await handledCount(groupId, 'retried'),
    });
    const expected = {
      handled: true,
      duplicate: true,
      ignored: 1,
      unknownVersion: 1,
      notJson: 1,
      retried: 1,
    };
    await eventually('every message is counted', async () => {
      const seen = await outcomes();
      return Object.entries(expected).every(
        ([key, value]) => seen[key as keyof typeof seen] === value,
      );
    });
    expect(await outcomes()).toEqual(expected);
  }, 60_000);

  it('measures the lag of a group on each partition, down to zero once it has caught up', async () => {
    const groupId = `lag-${randomUUID()}`;
    const monitor = new ConsumerLagMonitor(kafka, lag);
    stoppables.push({ stop: () => monitor.beforeApplicationShutdown() });
    monitor.watch(groupId, [lagTopic.name]);
    await Promise.all(['p-1', 'p-2', 'p-3'].map((id) => count(id, lagTopic)));
    const lagOf = async () =>
      (await lag.get()).values
        .filter(({ labels }) => labels.consumer_group === groupId)
        .map(({ labels, value }) => ({ partition: labels.partition, value }));
    const totalLag = async () => (await lagOf()).reduce((sum, { value }) => sum + value, 0);

    await eventually('the three events wait for the group', async () => {
      await monitor.measure();
      return (await totalLag()) === 3;
    });
    expect((await lagOf()).map(({ partition }) => partition).sort()).toEqual(['0', '1']);

    startConsumer(new NoteStockWhenCounted(lagTopic), groupId);
    await eventually('the group has caught up', async () => {
      await monitor.measure();
      return (await totalLag()) === 0;
    });
  }, 60_000);
});
