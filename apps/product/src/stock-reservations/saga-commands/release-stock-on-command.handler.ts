import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { type EventEnvelope, type PayloadOf, ReleaseStock } from '#libs/contracts';
import type { EventHandler } from '#libs/messaging';
import { ReleaseStockHandler } from '../release-stock/release-stock.handler.js';
import { refusingPermanently } from './permanent-refusal.js';
import { releaseReplyFor } from './stock-replies.js';
import { StockReplyWriter } from './stock-reply.writer.js';

/**
 * The saga's ReleaseStock (a compensation): gives the order's stock back and answers
 * StockReleased, every time, so the orchestrator can finish compensating. A release before any
 * reserve leaves a tombstone (the late ReserveStock is refused) and answers StockReleased with no
 * lines. Never faulted: compensations must get through. A release after the commit is a saga bug
 * and goes to the dead letters.
 */
@Injectable()
export class ReleaseStockOnCommand implements EventHandler<typeof ReleaseStock> {
  readonly contract = ReleaseStock;

  constructor(
    private readonly releasing: ReleaseStockHandler,
    private readonly replies: StockReplyWriter,
  ) {}

  async handle(
    { payload }: EventEnvelope<PayloadOf<typeof ReleaseStock>>,
    transaction: EntityManager,
  ): Promise<void> {
    const { reservation, announced } = await refusingPermanently(() =>
      this.releasing.releaseWithin(transaction, payload.orderId),
    );
    if (!announced) await this.replies.send(transaction, releaseReplyFor(reservation));
  }
}
