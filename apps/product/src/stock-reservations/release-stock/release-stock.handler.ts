import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { type StockReservation, StockReleased } from '#libs/contracts';
import { OutboxWriter } from '#libs/messaging';
import { InventoryRepository } from '../../inventory/inventory.repository.js';
import { releaseStep } from '../domain/reservation-transitions.js';
import type { StockChange } from '../stock-change.js';
import { StockReservationRepository } from '../stock-reservation.repository.js';

/**
 * Gives an order's reserved stock back, once. A release that arrives before any reserve (the
 * order gave up waiting, say) records a tombstone: a `RELEASED` reservation with no lines, which
 * refuses the late reserve when it comes. Tombstones announce nothing, since no stock moved.
 */
@Injectable()
export class ReleaseStockHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly reservations: StockReservationRepository,
    private readonly inventory: InventoryRepository,
    private readonly outbox: OutboxWriter,
  ) {}

  async execute(orderId: string): Promise<StockReservation> {
    const { reservation } = await this.dataSource.transaction((transaction) =>
      this.releaseWithin(transaction, orderId),
    );
    return reservation;
  }

  /**
   * The release itself, in the caller's transaction (the saga's ReleaseStock command runs it in
   * its inbox transaction). `announced` says whether StockReleased went to the outbox this time.
   */
  async releaseWithin(transaction: EntityManager, orderId: string): Promise<StockChange> {
    await this.reservations.lockOrder(transaction, orderId);
    const existing = await this.reservations.find(orderId, transaction);
    let announced = false;
    switch (releaseStep(orderId, existing)) {
      case 'record-tombstone':
        await this.reservations.insert(transaction, { orderId, status: 'RELEASED', lines: [] });
        break;
      case 'return-stock': {
        const { lines } = existing!;
        await this.inventory.release(transaction, lines);
        await this.reservations.changeStatus(transaction, orderId, 'RELEASED');
        await this.outbox.append(transaction, StockReleased, orderId, { orderId, lines });
        announced = true;
        break;
      }
      case 'nothing':
        break;
    }
    return { reservation: (await this.reservations.find(orderId, transaction))!, announced };
  }
}
