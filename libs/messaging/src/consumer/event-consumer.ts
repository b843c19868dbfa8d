import { Logger } from '@nestjs/common';
import { type Span, SpanStatusCode, trace } from '@opentelemetry/api';
import type { Consumer, EachMessagePayload, Kafka, Producer } from 'kafkajs';
import type { Counter } from 'prom-client';
import { setTimeout as sleep } from 'node:timers/promises';
import type { DataSource } from 'typeorm';
import type { EventEnvelope } from '#libs/contracts';
import { type HandledLabel, unregisteredEventsHandled } from '../metrics/messaging-metrics.js';
import { DEAD_LETTER_TOPIC, deadLetterOf } from './dead-letter.js';
import { decodeEvent } from './decode-event.js';
import type { EventHandler } from './event-handler.js';
import type { HandlingOutcome } from './handling-outcome.js';
import { PermanentEventError } from './permanent-event-error.js';
import { MAX_ATTEMPTS, retryDelayMs } from './retry-schedule.js';

/** The `event_type` label for types no handler of the group knows: bounded, whatever arrives. */
const OTHER_TYPE = 'other';

/**
 * Group membership timing. The session must stay below the client's request timeout (10 s, see
 * create-kafka.ts): after a SIGKILL the dead member stays in the group until its session expires,
 * and the broker holds a SyncGroup that waits on it until then. With kafkajs's default 30 s session
 * the client gave up first, crashed, rejoined as yet another member and left one more dead member
 * behind: the group rebalanced forever and the partitions were never consumed (found by
 * test/e2e/saga-chaos.e2e-spec.ts). 8 s also lets a killed member's partitions move on sooner;
 * handler retries heartbeat between attempts (at most 5 s apart), so a slow handler is not evicted.
 */
const GROUP_TIMING = { sessionTimeout: 8_000, heartbeatInterval: 2_000 };

/**
 * One consumer group: validates each event, runs its handler exactly once in effect (inbox row and
 * handler writes in one transaction), retries transient failures with backoff, and sends what
 * cannot be handled to the dead-letter topic so the partition keeps flowing.
 *
 * Each message is handled inside the consumer span the kafkajs instrumentation starts from the
 * message's `traceparent`, so the handler's queries and log lines belong to the trace of the
 * request that caused the event; retries and dead-lettering are recorded on that span.
 */
export class EventConsumer {
  private readonly logger: Logger;
  private readonly consumer: Consumer;
  private readonly deadLetters: Producer;
  private readonly handlers: ReadonlyMap<string, EventHandler>;
  private readonly stopping = new AbortController();
  private starting?: Promise<void>;

  constructor(
    readonly groupId: string,
    handlers: EventHandler[],
    kafka: Kafka,
    private readonly dataSource: DataSource,
    private readonly outcomes: Counter<HandledLabel> = unregisteredEventsHandled(),
  ) {
    this.logger = new Logger(`EventConsumer:${groupId}`);
    this.handlers = indexByType(handlers);
    this.consumer = kafka.consumer({ groupId, allowAutoTopicCreation: false, ...GROUP_TIMING });
    this.deadLetters = kafka.producer({ allowAutoTopicCreation: false });
  }

  /** The topics the group's handlers listen to. */
  get topics(): string[] {
    return [...new Set([...this.handlers.values()].map((h) => h.contract.topic.name))];
  }

  /** Starts in the background, retrying until the broker answers: the app boots regardless. */
  start(): void {
    this.starting = this.startWithRetries();
  }

  /** Lets the message in hand finish (kafkajs waits for it), commits, and leaves the group. */
  async stop(): Promise<void> {
    this.stopping.abort();
    await this.starting;
    await this.consumer.disconnect();
    await this.deadLetters.disconnect();
  }

  private async startWithRetries(): Promise<void> {
    for (let attempt = 1; !this.stopping.signal.aborted; attempt++) {
      try {
        await this.deadLetters.connect();
        await this.consumer.connect();
        await this.consumer.subscribe({ topics: this.topics, fromBeginning: true });
        await this.consumer.run({ eachMessage: (payload) => this.onMessage(payload) });
        return;
      } catch (error) {
        this.logger.warn(`cannot start yet (attempt ${attempt}): ${(error as Error).message}`);
        await sleep(Math.min(1_000 * attempt, 10_000), undefined, {
          signal: this.stopping.signal,
        }).catch(() => undefined);
      }
    }
  }

  private async onMessage(payload: EachMessagePayload): Promise<void> {
    const span = trace.getActiveSpan();
    span?.setAttribute('messaging.consumer.group.name', this.groupId);
    const decoded = decodeEvent(payload.message, this.handlers);
    if (decoded.kind === 'ignore') return this.count(OTHER_TYPE, 'ignored');
    if (decoded.kind === 'reject') {
      return this.deadLetter(payload, decoded.reason, 0, decoded.type ?? OTHER_TYPE, span);
    }

    const { handler, event } = decoded;
    span?.setAttributes({ 'messaging.message.id': event.id, 'microshop.event.type': event.type });
    for (let attempt = 1; ; attempt++) {
      try {
        const outcome = await this.handleOnce(handler, event);
        this.logger.debug(`${event.type} ${event.id} ${outcome}`);
        return this.count(event.type, outcome);
      } catch (error) {
        const reason = `${(error as Error).name}: ${(error as Error).message}`;
        span?.recordException(error as Error);
        if (error instanceof PermanentEventError || attempt >= MAX_ATTEMPTS) {
          return this.deadLetter(payload, reason, attempt, event.type, span);
        }
        const delayMs = retryDelayMs(attempt);
        this.logger.warn(`${event.type} ${event.id} failed (attempt ${attempt}): ${reason}`);
        this.count(event.type, 'retried');
        span?.addEvent('retry', { attempt, 'retry.delay_ms': delayMs });
        await sleep(delayMs);
        await payload.heartbeat();
      }
    }
  }

  /** Handles the event unless the inbox shows it was handled before. */
  private handleOnce(handler: EventHandler, event: EventEnvelope): Promise<HandlingOutcome> {
    return this.dataSource.transaction(async (transaction) => {
      const firstTime: unknown[] = await transaction.query(
        `INSERT INTO inbox_messages (consumer_group, event_id, event_type) VALUES ($1, $2, $3)
         ON CONFLICT DO NOTHING RETURNING event_id`,
        [this.groupId, event.id, event.type],
      );
      if (firstTime.length === 0) return 'duplicate'; // a redelivery: its effect is committed
      await handler.handle(event, transaction);
      return 'handled';
    });
  }

  private async deadLetter(
    { topic, partition, message }: EachMessagePayload,
    reason: string,
    attempts: number,
    eventType: string,
    span: Span | undefined,
  ): Promise<void> {
    this.logger.error(`dead letter from ${topic}[${partition}]@${message.offset}: ${reason}`);
    span?.addEvent('dead_letter', { reason, attempts });
    span?.setStatus({ code: SpanStatusCode.ERROR, message: reason });
    await this.deadLetters.send({
      topic: DEAD_LETTER_TOPIC,
      acks: -1,
      messages: [
        deadLetterOf({ topic, partition, message, consumerGroup: this.groupId, reason, attempts }),
      ],
    });
    this.count(eventType, 'dead_lettered');
  }

  private count(eventType: string, outcome: HandlingOutcome): void {
    this.outcomes.inc({ consumer_group: this.groupId, event_type: eventType, outcome });
  }
}

function indexByType(handlers: EventHandler[]): ReadonlyMap<string, EventHandler> {
  const index = new Map<string, EventHandler>();
  for (const handler of handlers) {
    if (index.has(handler.contract.type)) {
      throw new Error(`two handlers for ${handler.contract.type} in one consumer group`);
    }
    index.set(handler.contract.type, handler);
  }
  return index;
}
