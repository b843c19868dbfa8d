import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { StockCommitted, type StockReservation } from '#libs/contracts';
import { OutboxWriter } from '#libs/messaging';
import { InventoryRepository } from '../../inventory/inventory.repository.js';
import { commitStep } from '../domain/reservation-transitions.js';
import type { StockChange } from '../stock-change.js';
import { StockReservationRepository } from '../stock-reservation.repository.js';

/** Turns an order's reserved stock into sold stock (it leaves on hand and reserved), once. */
@Injectable()
export class CommitStockHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly reservations: StockReservationRepository,
    private readonly inventory: InventoryRepository,
    private readonly outbox: OutboxWriter,
  ) {}

  async execute(orderId: string): Promise<StockReservation> {
    const { reservation } = await this.dataSource.transaction((transaction) =>
      this.commitWithin(transaction, orderId),
    );
    return reservation;
  }

  /**
   * The commit itself, in the caller's transaction (the saga's CommitStock command runs it in its
   * inbox transaction). `announced` says whether StockCommitted went to the outbox this time.
   */
  async commitWithin(transaction: EntityManager, orderId: string): Promise<StockChange> {
    await this.reservations.lockOrder(transaction, orderId);
    const existing = await this.reservations.find(orderId, transaction);
    let announced = false;
    if (commitStep(orderId, existing) === 'sell-stock') {
      const { lines } = existing!;
      await this.inventory.sell(transaction, lines);
      await this.reservations.changeStatus(transaction, orderId, 'COMMITTED');
      await this.outbox.append(transaction, StockCommitted, orderId, { orderId, lines });
      announced = true;
    }
    return { reservation: (await this.reservations.find(orderId, transaction))!, announced };
  }
}
