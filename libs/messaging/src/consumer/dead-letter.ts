import type { IHeaders, KafkaMessage } from 'kafkajs';
import { TOPICS } from '#libs/contracts';

/** Where a dead letter came from and why it died; carried as `dlq-*` headers beside the original. */
export interface DeadLetterOrigin {
  topic: string;
  partition: number;
  message: KafkaMessage;
  consumerGroup: string;
  reason: string;
  attempts: number;
}

export const DEAD_LETTER_TOPIC = TOPICS.deadLetters.name;

/**
 * The dead-letter record: the original key, value and headers untouched (so it can be replayed
 * as it was), plus headers that say where it came from and why it failed.
 */
export function deadLetterOf(origin: DeadLetterOrigin): {
  key: Buffer | null;
  value: Buffer | null;
  headers: IHeaders;
} {
  return {
    key: origin.message.key,
    value: origin.message.value,
    headers: {
      ...origin.message.headers,
      'dlq-original-topic': origin.topic,
      'dlq-original-partition': String(origin.partition),
      'dlq-original-offset': origin.message.offset,
      'dlq-consumer-group': origin.consumerGroup,
      'dlq-reason': origin.reason.slice(0, 2_000),
      'dlq-attempts': String(origin.attempts),
      'dlq-failed-at': new Date().toISOString(),
    },
  };
}
