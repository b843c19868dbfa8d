import { randomBytes } from 'node:crypto';

/**
 * A new KRaft cluster id in Kafka's own format (16 random bytes, URL-safe base64, no padding),
 * as `kafka-storage random-uuid` prints, without starting a JVM for it.
 */
export function newKafkaClusterId(): string {
  for (;;) {
    const id = randomBytes(16).toString('base64url');
    // Kafka never hands out ids starting with "-": they read as options on command lines.
    if (!id.startsWith('-')) return id;
  }
}
