import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { StockCommitted, type StockReservation } from '#libs/contracts';
import { OutboxWriter } from '#libs/messaging';
import { InventoryRepository } from '../../inventory/inventory.repository.js';
import { commitStep } from '../domain/reservation-transitions.js';
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

  execute(orderId: string): Promise<StockReservation> {
    return this.dataSource.transaction(async (transaction) => {
      await this.reservations.lockOrder(transaction, orderId);
      const existing = await this.reservations.find(orderId, transaction);
      if (commitStep(orderId, existing) === 'sell-stock') {
        const { lines } = existing!;
        await this.inventory.sell(transaction, lines);
        await this.reservations.changeStatus(transaction, orderId, 'COMMITTED');
        await this.outbox.append(transaction, StockCommitted, orderId, { orderId, lines });
      }
      return (await this.reservations.find(orderId, transaction))!;
    });
  }
}
