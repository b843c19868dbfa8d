import { Logger } from '@nestjs/common';
import type { Consumer, EachMessagePayload, Kafka, Producer } from 'kafkajs';
import { setTimeout as sleep } from 'node:timers/promises';
import type { DataSource } from 'typeorm';
import type { EventEnvelope } from '#libs/contracts';
import { DEAD_LETTER_TOPIC, deadLetterOf } from './dead-letter.js';
import { decodeEvent } from './decode-event.js';
import type { EventHandler } from './event-handler.js';
import { PermanentEventError } from './permanent-event-error.js';
import { MAX_ATTEMPTS, retryDelayMs } from './retry-schedule.js';

/**
 * One consumer group: validates each event, runs its handler exactly once in effect (inbox row and
 * handler writes in one transaction), retries transient failures with backoff, and sends what
 * cannot be handled to the dead-letter topic so the partition keeps flowing.
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
  ) {
    this.logger = new Logger(`EventConsumer:${groupId}`);
    this.handlers = indexByType(handlers);
    this.consumer = kafka.consumer({ groupId, allowAutoTopicCreation: false });
    this.deadLetters = kafka.producer({ allowAutoTopicCreation: false });
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
    const topics = [...new Set([...this.handlers.values()].map((h) => h.contract.topic.name))];
    for (let attempt = 1; !this.stopping.signal.aborted; attempt++) {
      try {
        await this.deadLetters.connect();
        await this.consumer.connect();
        await this.consumer.subscribe({ topics, fromBeginning: true });
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
    const decoded = decodeEvent(payload.message, this.handlers);
    if (decoded.kind === 'ignore') return;
    if (decoded.kind === 'reject') return this.deadLetter(payload, decoded.reason, 0);

    for (let attempt = 1; ; attempt++) {
      try {
        await this.handleOnce(decoded.handler, decoded.event);
        return;
      } catch (error) {
        const reason = `${(error as Error).name}: ${(error as Error).message}`;
        if (error instanceof PermanentEventError || attempt >= MAX_ATTEMPTS) {
          return this.deadLetter(payload, reason, attempt);
        }
        this.logger.warn(
          `${decoded.event.type} ${decoded.event.id} failed (attempt ${attempt}): ${reason}`,
        );
        await sleep(retryDelayMs(attempt));
        await payload.heartbeat();
      }
    }
  }

  private handleOnce(handler: EventHandler, event: EventEnvelope): Promise<void> {
    return this.dataSource.transaction(async (transaction) => {
      const firstTime: unknown[] = await transaction.query(
        `INSERT INTO inbox_messages (consumer_group, event_id, event_type) VALUES ($1, $2, $3)
         ON CONFLICT DO NOTHING RETURNING event_id`,
        [this.groupId, event.id, event.type],
      );
      if (firstTime.length === 0) return; // a redelivery: its effect is already committed
      await handler.handle(event, transaction);
    });
  }

  private async deadLetter(
    { topic, partition, message }: EachMessagePayload,
    reason: string,
    attempts: number,
  ): Promise<void> {
    this.logger.error(`dead letter from ${topic}[${partition}]@${message.offset}: ${reason}`);
    await this.deadLetters.send({
      topic: DEAD_LETTER_TOPIC,
      acks: -1,
      messages: [
        deadLetterOf({ topic, partition, message, consumerGroup: this.groupId, reason, attempts }),
      ],
    });
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
