import { Inject, Injectable } from '@nestjs/common';
import { trace } from '@opentelemetry/api';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { EventContract, EventEnvelope, PayloadOf } from '#libs/contracts';
import { currentTraceparent } from '#libs/observability';
import { MESSAGING_SOURCE } from '../messaging-source.token.js';
import { OutboxCommitSignal } from './outbox-commit-signal.js';

/**
 * Records an integration event in the outbox, inside the caller's transaction, so the event exists
 * if and only if the state change that caused it committed. The relay publishes it afterwards,
 * woken by the commit.
 * The envelope keeps the trace context of the work appending it (an HTTP request, a message being
 * handled), so the event's consumers continue that trace, however late the relay sends it.
 */
@Injectable()
export class OutboxWriter {
  constructor(@Inject(MESSAGING_SOURCE) private readonly source: string) {}

  async append<Contract extends EventContract>(
    transaction: EntityManager,
    contract: Contract,
    key: string,
    payload: PayloadOf<Contract>,
  ): Promise<EventEnvelope<PayloadOf<Contract>>> {
    const envelope: EventEnvelope<PayloadOf<Contract>> = {
      id: randomUUID(),
      type: contract.type,
      version: contract.version,
      occurredAt: new Date().toISOString(),
      source: this.source,
      key,
      traceparent: currentTraceparent(),
      // A producer that breaks its own contract is a bug: fail the transaction, publish nothing.
      payload: contract.payload.parse(payload) as PayloadOf<Contract>,
    };
    await transaction.query(
      `INSERT INTO outbox_messages (event_id, topic, message_key, event_type, envelope)
       VALUES ($1, $2, $3, $4, $5)`,
      [envelope.id, contract.topic.name, key, contract.type, JSON.stringify(envelope)],
    );
    // No NOTIFY here: it would serialise this commit with every other (see OutboxCommitSignal).
    OutboxCommitSignal.of(transaction.dataSource).appended(transaction);
    trace.getActiveSpan()?.addEvent('outbox event appended', {
      'messaging.message.id': envelope.id,
      'microshop.event.type': envelope.type,
    });
    return envelope;
  }
}
