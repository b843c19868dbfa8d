import { kafkaBrokersFromEnv } from './kafka-brokers-from-env.js';
import type { LocalKafka } from './local-kafka.js';
import { startLocalKafkaBroker } from './start-local-kafka-broker.js';

export interface StartKafkaOptions {
  /** Data directory for the local broker: config, storage and `broker.log`. */
  dataDir: string;
  /** Client port on 127.0.0.1. */
  port: number;
  /** KRaft controller port on 127.0.0.1. */
  controllerPort: number;
  log: (line: string) => void;
  /** Where to look for KAFKA_BROKERS, JAVA_HOME and XDG_CACHE_HOME; defaults to `process.env`. */
  env?: NodeJS.ProcessEnv;
}

/**
 * Gives the stack or the tests a Kafka cluster. When KAFKA_BROKERS is set, those brokers are used
 * as they are and `stop()` does nothing; otherwise a local single-node broker (Apache Kafka from
 * Maven Central, run with the local Java) is started from `dataDir`, and `stop()` shuts it down and
 * waits until its JVM has exited.
 */
export async function startKafka(options: StartKafkaOptions): Promise<LocalKafka> {
  const env = options.env ?? process.env;
  const external = kafkaBrokersFromEnv(env);
  if (external) {
    options.log(`Using the Kafka brokers named by KAFKA_BROKERS: ${external.join(',')}`);
    return { brokers: external, embedded: false, stop: async () => undefined };
  }
  return startLocalKafkaBroker({ ...options, env });
}
