import { Injectable } from '@nestjs/common';
import { trace } from '@opentelemetry/api';
import type { EntityManager } from 'typeorm';
import type { EventContract, PayloadOf } from '#libs/contracts';
import { OutboxWriter } from '#libs/messaging';
import type { StockReply } from './stock-replies.js';

/** Writes a saga reply to the outbox, in the command's inbox transaction. */
@Injectable()
export class StockReplyWriter {
  constructor(private readonly outbox: OutboxWriter) {}

  async send(transaction: EntityManager, { contract, payload }: StockReply): Promise<void> {
    trace.getActiveSpan()?.addEvent('saga_reply', { 'saga.reply': contract.type, repeat: true });
    // The union pairs each payload with its contract; TypeScript cannot follow the pairing.
    const fact: EventContract = contract;
    await this.outbox.append(
      transaction,
      fact,
      payload.orderId,
      payload as PayloadOf<EventContract>,
    );
  }
}
