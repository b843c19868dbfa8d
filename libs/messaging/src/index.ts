export { createKafka } from './create-kafka.js';
export type { KafkaOptions } from './kafka-options.js';
export { KafkaModule } from './kafka.module.js';
export { KafkaReadiness } from './kafka.readiness.js';
export { KAFKA } from './kafka.token.js';
