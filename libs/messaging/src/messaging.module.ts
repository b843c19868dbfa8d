import { type DynamicModule, Module, type Type } from '@nestjs/common';
import { getToken } from '@willsoto/nestjs-prometheus';
import type { Kafka } from 'kafkajs';
import type { Counter } from 'prom-client';
import { DataSource } from 'typeorm';
import { ConsumerLagMonitor } from './consumer/consumer-lag.monitor.js';
import { EventConsumer } from './consumer/event-consumer.js';
import { EventConsumerHost } from './consumer/event-consumer.host.js';
import type { EventHandler } from './consumer/event-handler.js';
import { KAFKA } from './kafka.token.js';
import { MESSAGING_SOURCE } from './messaging-source.token.js';
import {
  consumerLagProvider,
  EVENTS_HANDLED,
  eventsHandledProvider,
  eventsPublishedProvider,
  type HandledLabel,
  outboxOldestAgeProvider,
  outboxUnpublishedProvider,
} from './metrics/messaging-metrics.js';
import { OutboxRelay } from './outbox/outbox.relay.js';
import { OutboxWriter } from './outbox/outbox.writer.js';

export interface ConsumerOptions {
  /** The consumer group: one per service and purpose, e.g. `recommendation.catalog`. */
  groupId: string;
  handlers: Type<EventHandler>[];
}

/**
 * Reliable messaging, written once: the transactional outbox (writer and relay) for every service
 * with a database and Kafka, and idempotent consumer groups with retries and dead letters; with
 * their metrics (see docs/observability.md).
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
        ConsumerLagMonitor,
        eventsPublishedProvider,
        eventsHandledProvider,
        consumerLagProvider,
        outboxUnpublishedProvider,
        outboxOldestAgeProvider,
      ],
      exports: [OutboxWriter, ConsumerLagMonitor, getToken(EVENTS_HANDLED)],
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
          inject: [KAFKA, DataSource, getToken(EVENTS_HANDLED), ConsumerLagMonitor, ...handlers],
          useFactory: (
            kafka: Kafka,
            dataSource: DataSource,
            outcomes: Counter<HandledLabel>,
            lagMonitor: ConsumerLagMonitor,
            ...instances: EventHandler[]
          ) => {
            const consumer = new EventConsumer(groupId, instances, kafka, dataSource, outcomes);
            lagMonitor.watch(groupId, consumer.topics);
            return new EventConsumerHost(consumer);
          },
        },
      ],
    };
  }
}
