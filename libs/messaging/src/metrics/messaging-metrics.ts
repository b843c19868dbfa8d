import { makeCounterProvider, makeGaugeProvider } from '@willsoto/nestjs-prometheus';
import { Counter } from 'prom-client';
import { DataSource } from 'typeorm';
import { readOutboxBacklog } from '../outbox/outbox-backlog.js';

/** Events the outbox relay has sent to Kafka, by topic (at least once: a resend counts again). */
export const EVENTS_PUBLISHED = 'messaging_events_published_total';
/** Messages a consumer group has processed, by event type and outcome. */
export const EVENTS_HANDLED = 'messaging_events_handled_total';
/** Outbox rows not yet published. */
export const OUTBOX_UNPUBLISHED = 'messaging_outbox_unpublished_events';
/** How long the oldest unpublished outbox row has waited. */
export const OUTBOX_OLDEST_AGE = 'messaging_outbox_oldest_unpublished_age_seconds';
/** Messages on a partition that a consumer group has not committed yet. */
export const CONSUMER_LAG = 'messaging_consumer_lag_messages';

export type PublishedLabel = 'topic';
export type HandledLabel = 'consumer_group' | 'event_type' | 'outcome';
export type LagLabel = 'consumer_group' | 'topic' | 'partition';

const eventsPublished = {
  name: EVENTS_PUBLISHED,
  help: 'Events the outbox relay sent to Kafka, by topic.',
  labelNames: ['topic'] satisfies PublishedLabel[],
};

const eventsHandled = {
  name: EVENTS_HANDLED,
  help:
    'Messages processed by a consumer group, by event type and outcome ' +
    '(handled, duplicate, retried, dead_lettered, ignored).',
  labelNames: ['consumer_group', 'event_type', 'outcome'] satisfies HandledLabel[],
};

export const eventsPublishedProvider = makeCounterProvider(eventsPublished);
export const eventsHandledProvider = makeCounterProvider(eventsHandled);

/** The relay's counter registered nowhere: for a relay built outside an app (tests, benchmarks). */
export const unregisteredEventsPublished = (): Counter<PublishedLabel> =>
  new Counter({ ...eventsPublished, registers: [] });

/** The consumer's counter registered nowhere: for a consumer built outside an app. */
export const unregisteredEventsHandled = (): Counter<HandledLabel> =>
  new Counter({ ...eventsHandled, registers: [] });

export const consumerLagProvider = makeGaugeProvider({
  name: CONSUMER_LAG,
  help: 'Messages on a partition not yet committed by a consumer group of this process.',
  labelNames: ['consumer_group', 'topic', 'partition'] satisfies LagLabel[],
});

/**
 * The backlog is read from the database when Prometheus scrapes, not reported by the relay: it
 * must be visible precisely when the relay is stuck or switched off. A failed read leaves the last
 * value (the readiness probe reports the database itself).
 */
export const outboxUnpublishedProvider = makeGaugeProvider({
  name: OUTBOX_UNPUBLISHED,
  help: 'Outbox rows not yet published to Kafka.',
  inject: [DataSource],
  async collect(dataSource: DataSource) {
    const backlog = await readOutboxBacklog(dataSource).catch(() => undefined);
    if (backlog) this.set(backlog.unpublished);
  },
});

export const outboxOldestAgeProvider = makeGaugeProvider({
  name: OUTBOX_OLDEST_AGE,
  help: 'Age of the oldest unpublished outbox row, 0 when there is none.',
  inject: [DataSource],
  async collect(dataSource: DataSource) {
    const backlog = await readOutboxBacklog(dataSource).catch(() => undefined);
    if (backlog) this.set(backlog.oldestAgeSeconds);
  },
});
