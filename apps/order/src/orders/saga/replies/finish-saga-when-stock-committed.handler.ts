import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { type EventEnvelope, type PayloadOf, StockCommitted } from '#libs/contracts';
import type { EventHandler } from '#libs/messaging';

import { PlacementSagaOrchestrator } from '../placement-saga.orchestrator.js';

/** The confirmed order's stock is committed: the saga is complete. */
@Injectable()
export class FinishSagaWhenStockCommitted implements EventHandler<typeof StockCommitted> {
  readonly contract = StockCommitted;

  constructor(private readonly orchestrator: PlacementSagaOrchestrator) {}

  handle(
    event: EventEnvelope<PayloadOf<typeof StockCommitted>>,
    transaction: EntityManager,
  ): Promise<void> {
    return this.orchestrator.onReply(transaction, event.payload.orderId, {
      step: 'commit-stock',
      outcome: 'succeeded',
    });
  }
}
