import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { type EventEnvelope, type PayloadOf, StockReserved } from '#libs/contracts';
import type { EventHandler } from '#libs/messaging';

import { PlacementSagaOrchestrator } from '../placement-saga.orchestrator.js';

/** Stock is reserved: on to the coupon, or to the pivot. */
@Injectable()
export class AdvanceSagaWhenStockReserved implements EventHandler<typeof StockReserved> {
  readonly contract = StockReserved;

  constructor(private readonly orchestrator: PlacementSagaOrchestrator) {}

  handle(
    event: EventEnvelope<PayloadOf<typeof StockReserved>>,
    transaction: EntityManager,
  ): Promise<void> {
    return this.orchestrator.onReply(transaction, event.payload.orderId, {
      step: 'reserve-stock',
      outcome: 'succeeded',
    });
  }
}
