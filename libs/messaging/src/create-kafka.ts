import { Kafka, logLevel } from 'kafkajs';
import { kafkaLogCreator } from './kafka-log-creator.js';
import type { KafkaOptions } from './kafka-options.js';
import { fixKafkajsIdleTimer } from './kafkajs-idle-timer-fix.js';

/**
 * One kafkajs client per process. Retries are bounded so a lost broker surfaces as an error (and a
 * failing readiness probe) within seconds instead of hanging callers.
 */
export function createKafka({ clientId, brokers }: KafkaOptions): Kafka {
  // kafkajs warns on every producer that its v2 default partitioner differs from v1's; we have
  // never used v1, so the warning only adds noise.
  process.env.KAFKAJS_NO_PARTITIONER_WARNING ??= '1';
  // kafkajs 2.2.4 otherwise keeps a 1 ms timer spinning on every broker connection.
  fixKafkajsIdleTimer();
  return new Kafka({
    clientId,
    brokers,
    connectionTimeout: 3_000,
    requestTimeout: 10_000,
    retry: { initialRetryTime: 200, retries: 5 },
    logLevel: logLevel.WARN,
    logCreator: kafkaLogCreator,
  });
}
