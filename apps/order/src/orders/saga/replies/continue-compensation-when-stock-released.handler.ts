import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { type EventEnvelope, type PayloadOf, StockReleased } from '#libs/contracts';
import type { EventHandler } from '#libs/messaging';

import { PlacementSagaOrchestrator } from '../placement-saga.orchestrator.js';

/** The stock is given back: the last compensation; the order is cancelled. */
@Injectable()
export class ContinueCompensationWhenStockReleased implements EventHandler<typeof StockReleased> {
  readonly contract = StockReleased;

  constructor(private readonly orchestrator: PlacementSagaOrchestrator) {}

  handle(
    event: EventEnvelope<PayloadOf<typeof StockReleased>>,
    transaction: EntityManager,
  ): Promise<void> {
    return this.orchestrator.onReply(transaction, event.payload.orderId, {
      step: 'release-stock',
      outcome: 'succeeded',
    });
  }
}
