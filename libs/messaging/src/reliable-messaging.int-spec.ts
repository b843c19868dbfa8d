import { randomUUID } from 'node:crypto';
import type { Consumer, Kafka, KafkaMessage } from 'kafkajs';
import type { DataSource, EntityManager, MigrationInterface, QueryRunner } from 'typeorm';
import { z } from 'zod';
import { defineEvent, type EventEnvelope, type TopicContract } from '#libs/contracts';
import { isolatedDatabase } from '../../../test/support/isolated-database.js';
import { eventually } from '../../../test/support/poll.js';
import { DEAD_LETTER_TOPIC } from './consumer/dead-letter.js';
import { EventConsumer } from './consumer/event-consumer.js';
import type { EventHandler } from './consumer/event-handler.js';
import { createKafka } from './create-kafka.js';
import { CreateMessagingTables1764000000000 } from './messaging-tables.migration.js';
import { OutboxRelay, RELAY_LOCK_ID } from './outbox/outbox.relay.js';
import { OutboxWriter } from './outbox/outbox.writer.js';

/** A table the test handler writes to, standing in for a consumer's read model. */
class CreateStockTable1764000000001 implements MigrationInterface {
  async up(runner: QueryRunner) {
    await runner.query('CREATE TABLE stock_seen (product_id text PRIMARY KEY, times int NOT NULL)');
  }
  async down(runner: QueryRunner) {
    await runner.query('DROP TABLE stock_seen');
  }
}

const topic: TopicContract = {
  name: `test.stock.${randomUUID()}`,
  partitions: 3,
  key: 'productId',
  description: 'test topic',
};
const stockReserved = defineEvent({
  type: 'StockReserved',
  version: 1,
  topic,
  payload: z.object({ productId: z.string(), quantity: z.number().int().positive() }),
});

class CountStockWhenReserved implements EventHandler<typeof stockReserved> {
  readonly contract = stockReserved;
  failuresToInject = 0;

  async handle(event: EventEnvelope<{ productId: string }>, transaction: EntityManager) {
    await transaction.query(
      `INSERT INTO stock_seen VALUES ($1, 1)
       ON CONFLICT (product_id) DO UPDATE SET times = stock_seen.times + 1`,
      [event.payload.productId],
    );
    if (this.failuresToInject > 0) {
      this.failuresToInject--;
      throw new Error('injected transient failure');
    }
  }
}

describe('reliable messaging on real PostgreSQL and Kafka', () => {
  const brokers = (process.env.KAFKA_BROKERS_TEST ?? '').split(',');
  let kafka: Kafka;
  let database: Awaited<ReturnType<typeof isolatedDatabase>>;
  let dataSource: DataSource;
  let writer: OutboxWriter;
  let relay: OutboxRelay | undefined;
  let consumer: EventConsumer | undefined;
  let handler: CountStockWhenReserved;
  const tails: Consumer[] = [];

  beforeAll(async () => {
    kafka = createKafka({ clientId: 'product', brokers });
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({
      topics: [
        { topic: topic.name, numPartitions: 3 },
        { topic: DEAD_LETTER_TOPIC, numPartitions: 1 },
      ],
      waitForLeaders: true,
    });
    await admin.disconnect();
    database = await isolatedDatabase([
      CreateMessagingTables1764000000000,
      CreateStockTable1764000000001,
    ]);
    dataSource = database.dataSource;
    writer = new OutboxWriter('product');
  }, 60_000);

  beforeEach(() => {
    handler = new CountStockWhenReserved();
  });

  // Stopping waits for the consumer's fetch in flight (up to 5 s) and any rebalance under way.
  afterEach(async () => {
    await consumer?.stop();
    await relay?.beforeApplicationShutdown();
    consumer = relay = undefined;
  }, 20_000);

  afterAll(async () => {
    await Promise.all(tails.map((tail) => tail.disconnect()));
    await database?.close();
  }, 30_000);

  /** Collects everything on a topic from the beginning, in arrival order. */
  async function tail(name: string): Promise<KafkaMessage[]> {
    const seen: KafkaMessage[] = [];
    const reader = kafka.consumer({ groupId: `tail-${randomUUID()}` });
    tails.push(reader);
    await reader.connect();
    await reader.subscribe({ topic: name, fromBeginning: true });
    await reader.run({ eachMessage: async ({ message }) => void seen.push(message) });
    return seen;
  }

  const reserve = (productId: string, quantity = 1) =>
    dataSource.transaction((transaction) =>
      writer.append(transaction, stockReserved, productId, { productId, quantity }),
    );

  const startRelay = () => {
    relay = new OutboxRelay(dataSource, kafka);
    relay.onApplicationBootstrap();
  };

  const startConsumer = () => {
    consumer = new EventConsumer(`stock-${randomUUID()}`, [handler], kafka, dataSource);
    consumer.start();
  };

  const timesSeen = async (productId: string) => {
    const rows = await dataSource.query('SELECT times FROM stock_seen WHERE product_id = $1', [
      productId,
    ]);
    return (rows[0]?.times as number | undefined) ?? 0;
  };

  it('publishes an event committed while no relay ran, once the relay starts', async () => {
    const published = await tail(topic.name);
    // The process "died" after commit and before publish: the event waits in the outbox.
    const event = await reserve('p-crash');
    startRelay();

    await eventually('the event is on the topic', async () =>
      published.some((m) => m.headers?.['event-id']?.toString() === event.id),
    );
    const [row] = await dataSource.query(
      'SELECT published_at FROM outbox_messages WHERE event_id = $1',
      [event.id],
    );
    expect(row.published_at).not.toBeNull();
  }, 60_000);

  it('keeps per-key order and publishes a row that committed after a later one', async () => {
    const published = await tail(topic.name);
    startRelay();
    const key = `p-gap-${randomUUID()}`;

    // Transaction A takes the lower sequence number but commits last.
    const runnerA = dataSource.createQueryRunner();
    await runnerA.connect();
    await runnerA.startTransaction();
    const early = await writer.append(runnerA.manager, stockReserved, `${key}-a`, {
      productId: `${key}-a`,
      quantity: 1,
    });
    const later = await reserve(key, 1);
    const latest = await reserve(key, 2);
    await eventually('the committed events are published', async () =>
      [later.id, latest.id].every((id) =>
        published.some((m) => m.headers?.['event-id']?.toString() === id),
      ),
    );
    await runnerA.commitTransaction();
    await runnerA.release();

    await eventually('the late-committing event is published too', async () =>
      published.some((m) => m.headers?.['event-id']?.toString() === early.id),
    );
    const sameKey = published
      .filter((m) => m.key?.toString() === key)
      .map((m) => m.headers?.['event-id']?.toString());
    expect(sameKey).toEqual([later.id, latest.id]);
  }, 60_000);

  it('publishes from one relay at a time, and another takes over when it stops', async () => {
    const published = await tail(topic.name);
    const isPublished = (id: string) =>
      published.some((m) => m.headers?.['event-id']?.toString() === id);
    startRelay();
    const first = await reserve('p-leader');
    await eventually('the first relay publishes', async () => isPublished(first.id));
    const standby = new OutboxRelay(dataSource, kafka);
    standby.onApplicationBootstrap();
    try {
      const second = await reserve('p-leader');
      await eventually('an event committed while both run is published', async () =>
        isPublished(second.id),
      );
      expect(await relayLockHolders()).toBe(1);

      await relay!.beforeApplicationShutdown();
      relay = undefined;
      const third = await reserve('p-standby');
      await eventually('the standby publishes once the first relay has stopped', async () =>
        isPublished(third.id),
      );
      expect(await relayLockHolders()).toBe(1);
    } finally {
      await standby.beforeApplicationShutdown();
    }
    expect(await relayLockHolders()).toBe(0);
  }, 60_000);

  /** Sessions holding the relay's publishing lock in this test's database. */
  async function relayLockHolders(): Promise<number> {
    const [{ holders }] = await dataSource.query(
      `SELECT count(*)::int AS holders FROM pg_locks
        WHERE locktype = 'advisory' AND granted AND classid = 0 AND objid = $1
          AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
      [RELAY_LOCK_ID],
    );
    return holders as number;
  }

  it('applies an event once even when it is delivered twice', async () => {
    startConsumer();
    const event = await reserve('p-twice');
    const producer = kafka.producer();
    await producer.connect();
    const message = { key: 'p-twice', value: JSON.stringify(event) };
    await producer.send({ topic: topic.name, messages: [message, message] });
    await producer.disconnect();

    await eventually('the event is applied', async () => (await timesSeen('p-twice')) === 1);
    startRelay(); // publishes the same event a third time, from the outbox
    await eventually('the outbox row is published', async () => {
      const [row] = await dataSource.query(
        'SELECT published_at FROM outbox_messages WHERE event_id = $1',
        [event.id],
      );
      return row.published_at !== null;
    });
    await consumerCaughtUp();
    expect(await timesSeen('p-twice')).toBe(1);
  }, 60_000);

  it('retries a transient failure without a second effect', async () => {
    handler.failuresToInject = 2;
    startConsumer();
    startRelay();
    await reserve('p-retry');
    await eventually('the event is applied', async () => (await timesSeen('p-retry')) === 1);
    expect(handler.failuresToInject).toBe(0);
  }, 60_000);

  it('dead-letters a poison message with its reason and keeps the partition flowing', async () => {
    const deadLetters = await tail(DEAD_LETTER_TOPIC);
    startConsumer();
    startRelay();
    const producer = kafka.producer();
    await producer.connect();
    // Same key, so the poison message and the good event share a partition.
    await producer.send({
      topic: topic.name,
      messages: [{ key: 'p-poison', value: '{"type":"StockReserved","payload":' }],
    });
    await producer.disconnect();
    await reserve('p-poison');

    await eventually(
      'the good event behind it is applied',
      async () => (await timesSeen('p-poison')) === 1,
    );
    await eventually('the poison message is a dead letter', async () =>
      deadLetters.some((m) => m.headers?.['dlq-original-topic']?.toString() === topic.name),
    );
    const letter = deadLetters.find(
      (m) => m.headers?.['dlq-original-topic']?.toString() === topic.name,
    )!;
    expect(letter.headers?.['dlq-reason']?.toString()).toBe('value is not JSON');
    expect(letter.value?.toString()).toBe('{"type":"StockReserved","payload":');
  }, 60_000);

  /** Waits until the consumer group has committed everything on the topic. */
  async function consumerCaughtUp(): Promise<void> {
    const admin = kafka.admin();
    await admin.connect();
    try {
      await eventually('the consumer has committed every offset', async () => {
        const ends = await admin.fetchTopicOffsets(topic.name);
        const [committed] = await admin.fetchOffsets({
          groupId: consumer!.groupId,
          topics: [topic.name],
        });
        return ends.every((end) => {
          const at = committed?.partitions.find((p) => p.partition === end.partition)?.offset;
          return Number(end.high) === 0 || at === end.high;
        });
      });
    } finally {
      await admin.disconnect();
    }
  }
});
