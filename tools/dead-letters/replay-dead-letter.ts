import type { IHeaders, Kafka } from 'kafkajs';
import type { DeadLetter } from './read-dead-letters.js';

/**
 * Puts a dead letter back on the topic it came from, with its original key, value and headers
 * (the `dlq-*` ones dropped). Consumers deduplicate on the event id, so a replay of an event that
 * was in fact handled has no second effect.
 */
export async function replayDeadLetter(kafka: Kafka, letter: DeadLetter): Promise<string> {
  const headers = letter.message.headers ?? {};
  const topic = headers['dlq-original-topic']?.toString();
  if (!topic) throw new Error(`dead letter ${letter.offset} does not name its original topic`);
  const original: IHeaders = Object.fromEntries(
    Object.entries(headers).filter(([name]) => !name.startsWith('dlq-')),
  );
  const producer = kafka.producer({ allowAutoTopicCreation: false });
  await producer.connect();
  await producer.send({
    topic,
    acks: -1,
    messages: [{ key: letter.message.key, value: letter.message.value, headers: original }],
  });
  await producer.disconnect();
  return topic;
}
