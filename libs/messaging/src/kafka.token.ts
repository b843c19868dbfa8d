/** Injection token for the service's shared kafkajs `Kafka` client. */
export const KAFKA = Symbol('KAFKA');
