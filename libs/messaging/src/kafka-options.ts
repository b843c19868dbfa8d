export interface KafkaOptions {
  /** Shown by the broker for every connection; the service name. */
  clientId: string;
  brokers: string[];
}
