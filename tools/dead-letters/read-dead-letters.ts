import { randomUUID } from 'node:crypto';
import type { Kafka, KafkaMessage } from 'kafkajs';
import { DEAD_LETTER_TOPIC } from '#libs/messaging';

export interface DeadLetter {
  partition: number;
  offset: string;
  message: KafkaMessage;
}

/**
 * Reads every dead letter currently on the topic, from the beginning to the end offsets seen at the
 * start, with a throwaway consumer group (so reading changes nothing for anyone).
 */
export async function readDeadLetters(kafka: Kafka): Promise<DeadLetter[]> {
  const admin = kafka.admin();
  await admin.connect();
  const ends = await admin.fetchTopicOffsets(DEAD_LETTER_TOPIC);
  await admin.disconnect();
  const remaining = new Map(
    ends
      .filter((end) => Number(end.high) > Number(end.low))
      .map((end) => [end.partition, end.high]),
  );
  if (remaining.size === 0) return [];

  const letters: DeadLetter[] = [];
  const consumer = kafka.consumer({ groupId: `dead-letters-cli-${randomUUID()}` });
  await consumer.connect();
  await consumer.subscribe({ topic: DEAD_LETTER_TOPIC, fromBeginning: true });
  await new Promise<void>((resolve, reject) => {
    consumer
      .run({
        eachMessage: async ({ partition, message }) => {
          letters.push({ partition, offset: message.offset, message });
          if (BigInt(message.offset) + 1n >= BigInt(remaining.get(partition) ?? '0')) {
            remaining.delete(partition);
          }
          if (remaining.size === 0) resolve();
        },
      })
      .catch(reject);
  });
  await consumer.disconnect();
  return letters;
}
