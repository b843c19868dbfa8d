import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { type EventEnvelope, OrderConfirmed, type PayloadOf } from '#libs/contracts';
import type { EventHandler } from '#libs/messaging';
import { purchasesInOrder } from '../domain/purchases-in-order.js';
import { PurchaseStatisticsRepository } from '../purchase-statistics.repository.js';

/**
 * Only confirmed orders count: a placed order may still be cancelled, and what nobody ended up
 * buying is no evidence. The inbox makes a redelivered event a no-op, so nothing is counted twice.
 */
@Injectable()
export class RecordPurchasesWhenOrderConfirmed implements EventHandler<typeof OrderConfirmed> {
  readonly contract = OrderConfirmed;

  constructor(private readonly statistics: PurchaseStatisticsRepository) {}

  async handle(
    { payload }: EventEnvelope<PayloadOf<typeof OrderConfirmed>>,
    transaction: EntityManager,
  ): Promise<void> {
    const { units, pairs } = purchasesInOrder(payload.lines);
    await this.statistics.addUnitsSold(transaction, units);
    await this.statistics.addOrderToPairs(transaction, pairs);
    await this.statistics.addToCustomerHistory(transaction, payload.customerId, units);
  }
}
