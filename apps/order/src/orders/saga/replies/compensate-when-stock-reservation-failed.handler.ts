import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { type EventEnvelope, type PayloadOf, StockReservationFailed } from '#libs/contracts';
import type { EventHandler } from '#libs/messaging';
import { stockRefusalReason } from './refusal-reasons.js';
import { PlacementSagaOrchestrator } from '../placement-saga.orchestrator.js';

/** Product refused the reservation: the saga cancels the order (nothing to give back yet). */
@Injectable()
export class CompensateWhenStockReservationFailed implements EventHandler<
  typeof StockReservationFailed
> {
  readonly contract = StockReservationFailed;

  constructor(private readonly orchestrator: PlacementSagaOrchestrator) {}

  handle(
    event: EventEnvelope<PayloadOf<typeof StockReservationFailed>>,
    transaction: EntityManager,
  ): Promise<void> {
    return this.orchestrator.onReply(transaction, event.payload.orderId, {
      step: 'reserve-stock',
      outcome: 'refused',
      reason: stockRefusalReason(event.payload.reason),
    });
  }
}
