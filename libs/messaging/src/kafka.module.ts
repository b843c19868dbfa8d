import { type DynamicModule, Module } from '@nestjs/common';
import { createKafka } from './create-kafka.js';
import type { KafkaOptions } from './kafka-options.js';
import { KafkaReadiness } from './kafka.readiness.js';
import { KAFKA } from './kafka.token.js';

/** The service's Kafka client, available everywhere under the {@link KAFKA} token. */
@Module({})
export class KafkaModule {
  static forRoot(options: KafkaOptions): DynamicModule {
    return {
      module: KafkaModule,
      global: true,
      providers: [{ provide: KAFKA, useValue: createKafka(options) }, KafkaReadiness],
      exports: [KAFKA, KafkaReadiness],
    };
  }
}
