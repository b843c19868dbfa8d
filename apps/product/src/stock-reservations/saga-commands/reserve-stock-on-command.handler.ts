import { Inject, Injectable } from '@nestjs/common';
import { trace } from '@opentelemetry/api';
import type { EntityManager } from 'typeorm';
import { type EventEnvelope, type PayloadOf, ReserveStock } from '#libs/contracts';
import { FaultSettings } from '#libs/fault-injection';
import { type EventHandler, PermanentEventError } from '#libs/messaging';
import type { ProductFaults } from '../../faults/product-faults.schema.js';
import { injectedFailure } from '../domain/new-reservation.js';
import { sameLines } from '../domain/reservation-lines.js';
import { ReserveStockHandler } from '../reserve-stock/reserve-stock.handler.js';
import { StockReservationRepository } from '../stock-reservation.repository.js';
import { reserveReplyFor } from './stock-replies.js';
import { StockReplyWriter } from './stock-reply.writer.js';

/**
 * The saga's ReserveStock: the same reservation as `POST /stock-reservations`, answered with
 * StockReserved or StockReservationFailed on `inventory.events`. The first time, the answer is
 * written with the change; a resent command (the orchestrator's retry after a timeout) finds the
 * reservation and says the same again. After a release (a tombstone included) it answers
 * `RELEASED`: the saga gave up on this order, and no stock is set aside for it any more.
 */
@Injectable()
export class ReserveStockOnCommand implements EventHandler<typeof ReserveStock> {
  readonly contract = ReserveStock;

  constructor(
    private readonly reservations: StockReservationRepository,
    private readonly reserving: ReserveStockHandler,
    private readonly replies: StockReplyWriter,
    @Inject(FaultSettings) private readonly faults: FaultSettings<ProductFaults>,
  ) {}

  async handle(
    { payload }: EventEnvelope<PayloadOf<typeof ReserveStock>>,
    transaction: EntityManager,
  ): Promise<void> {
    await this.reservations.lockOrder(transaction, payload.orderId);
    const existing = await this.reservations.find(payload.orderId, transaction);
    if (existing) {
      if (existing.status !== 'RELEASED' && !sameLines(existing.lines, payload.lines)) {
        throw new PermanentEventError(
          `order ${payload.orderId} already reserved different lines: the command is not a resend`,
        );
      }
      return this.replies.send(transaction, reserveReplyFor(existing));
    }

    // Faults are drawn for first reservations only: a resend of a refused order is answered
    // from the record above, not refused a second time by a fault that may be used up by now.
    switch (this.faults.pull('reserveStock')) {
      case 'no-reply':
        // Nothing recorded, nothing answered: the orchestrator's deadline has to act.
        trace.getActiveSpan()?.addEvent('saga_reply_withheld', { 'saga.command': 'ReserveStock' });
        return;
      case 'fail':
        await this.reserving.record(transaction, injectedFailure(payload));
        return;
      case undefined:
        await this.reserving.reserveFirst(transaction, payload);
    }
  }
}
