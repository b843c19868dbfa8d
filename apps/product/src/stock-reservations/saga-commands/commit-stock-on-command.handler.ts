import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { CommitStock, type EventEnvelope, type PayloadOf } from '#libs/contracts';
import type { EventHandler } from '#libs/messaging';
import { CommitStockHandler } from '../commit-stock/commit-stock.handler.js';
import { refusingPermanently } from './permanent-refusal.js';
import { commitReplyFor } from './stock-replies.js';
import { StockReplyWriter } from './stock-reply.writer.js';

/**
 * The saga's CommitStock (after the order is confirmed): the reserved stock is sold, answered
 * with StockCommitted, every time. Never faulted: steps after the pivot only retry. A commit
 * without a live reservation (never reserved, released, failed) is a saga bug and goes to the
 * dead letters.
 */
@Injectable()
export class CommitStockOnCommand implements EventHandler<typeof CommitStock> {
  readonly contract = CommitStock;

  constructor(
    private readonly committing: CommitStockHandler,
    private readonly replies: StockReplyWriter,
  ) {}

  async handle(
    { payload }: EventEnvelope<PayloadOf<typeof CommitStock>>,
    transaction: EntityManager,
  ): Promise<void> {
    const { reservation, announced } = await refusingPermanently(() =>
      this.committing.commitWithin(transaction, payload.orderId),
    );
    if (!announced) await this.replies.send(transaction, commitReplyFor(reservation));
  }
}
