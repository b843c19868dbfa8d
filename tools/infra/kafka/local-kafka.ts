/** A Kafka cluster for the stack or the tests: either started by us or named by the env. */
export interface LocalKafka {
  /** `host:port` bootstrap addresses. */
  brokers: string[];
  /** True when we started the broker and `stop()` shuts it down; false for brokers named by env. */
  embedded: boolean;
  stop(): Promise<void>;
}
