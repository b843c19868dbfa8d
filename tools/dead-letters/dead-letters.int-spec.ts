import { randomUUID } from 'node:crypto';
import type { KafkaMessage } from 'kafkajs';
import { createKafka, DEAD_LETTER_TOPIC } from '#libs/messaging';
import { eventually } from '../../test/support/poll.js';
import { readDeadLetters } from './read-dead-letters.js';
import { replayDeadLetter } from './replay-dead-letter.js';

describe('the dead-letters command', () => {
  const kafka = createKafka({
    clientId: 'dead-letters-test',
    brokers: (process.env.KAFKA_BROKERS_TEST ?? '').split(','),
  });
  const original = `test.replay.${randomUUID()}`;
  const reason = `test reason ${randomUUID()}`;

  beforeAll(async () => {
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({
      topics: [{ topic: original }, { topic: DEAD_LETTER_TOPIC, numPartitions: 1 }],
      waitForLeaders: true,
    });
    await admin.disconnect();
    const producer = kafka.producer();
    await producer.connect();
    await producer.send({
      topic: DEAD_LETTER_TOPIC,
      messages: [
        {
          key: 'p-1',
          value: '{"fixed":"now"}',
          headers: {
            'event-id': 'e-1',
            'dlq-original-topic': original,
            'dlq-reason': reason,
            'dlq-attempts': '5',
          },
        },
      ],
    });
    await producer.disconnect();
  }, 60_000);

  it('lists a dead letter with its reason', async () => {
    const letters = await readDeadLetters(kafka);
    const ours = letters.find((l) => l.message.headers?.['dlq-reason']?.toString() === reason);
    expect(ours?.message.value?.toString()).toBe('{"fixed":"now"}');
  }, 60_000);

  it('replays a dead letter to its original topic without the dead-letter headers', async () => {
    const letter = (await readDeadLetters(kafka)).find(
      (l) => l.message.headers?.['dlq-reason']?.toString() === reason,
    )!;
    const received: KafkaMessage[] = [];
    const consumer = kafka.consumer({ groupId: `replay-test-${randomUUID()}` });
    await consumer.connect();
    await consumer.subscribe({ topic: original, fromBeginning: true });
    await consumer.run({ eachMessage: async ({ message }) => void received.push(message) });

    await expect(replayDeadLetter(kafka, letter)).resolves.toBe(original);
    await eventually('the replayed message arrives', async () => received.length === 1);
    await consumer.disconnect();

    const [replayed] = received;
    expect(replayed!.key?.toString()).toBe('p-1');
    expect(replayed!.value?.toString()).toBe('{"fixed":"now"}');
    expect(replayed!.headers?.['event-id']?.toString()).toBe('e-1');
    expect(Object.keys(replayed!.headers ?? {}).filter((h) => h.startsWith('dlq-'))).toEqual([]);
  }, 60_000);
});
