import { type DynamicModule, Module, type Type } from '@nestjs/common';
import type { Kafka } from 'kafkajs';
import { DataSource } from 'typeorm';
import { EventConsumer } from './consumer/event-consumer.js';
import { EventConsumerHost } from './consumer/event-consumer.host.js';
import type { EventHandler } from './consumer/event-handler.js';
import { KAFKA } from './kafka.token.js';
import { MESSAGING_SOURCE } from './messaging-source.token.js';
import { OutboxRelay } from './outbox/outbox.relay.js';
import { OutboxWriter } from './outbox/outbox.writer.js';

export interface ConsumerOptions {
  /** The consumer group: one per service and purpose, e.g. `recommendation.catalog`. */
  groupId: string;
  handlers: Type<EventHandler>[];
}

/**
 * Reliable messaging, written once: the transactional outbox (writer and relay) for every service
 * with a database and Kafka, and idempotent consumer groups with retries and dead letters.
 */
@Module({})
export class MessagingModule {
  /**
   * The outbox of the service named `source`; wired by `runService` for every such service.
   * Without `relay`, events are written but not published (see OUTBOX_RELAY in the docs).
   */
  static forRoot({ source, relay = true }: { source: string; relay?: boolean }): DynamicModule {
    return {
      module: MessagingModule,
      global: true,
      providers: [
        { provide: MESSAGING_SOURCE, useValue: source },
        OutboxWriter,
        ...(relay ? [OutboxRelay] : []),
      ],
      exports: [OutboxWriter],
    };
  }

  /** A consumer group whose handlers are providers of this module. */
  static forConsumer({ groupId, handlers }: ConsumerOptions): DynamicModule {
    return {
      module: MessagingModule,
      providers: [
        ...handlers,
        {
          provide: `${groupId}:consumer`,
          inject: [KAFKA, DataSource, ...handlers],
          useFactory: (kafka: Kafka, dataSource: DataSource, ...instances: EventHandler[]) =>
            new EventConsumerHost(new EventConsumer(groupId, instances, kafka, dataSource)),
        },
      ],
    };
  }
}
