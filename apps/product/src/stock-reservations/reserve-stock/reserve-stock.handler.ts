import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  type ReserveStockRequest,
  type StockReservation,
  StockReservationFailed,
  StockReserved,
} from '#libs/contracts';
import { OutboxWriter } from '#libs/messaging';
import { InventoryRepository } from '../../inventory/inventory.repository.js';
import { newReservation } from '../domain/new-reservation.js';
import { failureOf, repeatedReservation } from '../domain/reservation-transitions.js';
import { StockReservationRepository } from '../stock-reservation.repository.js';

export interface ReserveStockAnswer {
  reservation: StockReservation;
  /** False when the order had reserved before and this is the same answer again. */
  created: boolean;
}

/**
 * Reserves stock for every line of an order, or for none, exactly once per order id.
 *
 * The decision is recorded either way: a refused order keeps its `FAILED` reservation and its
 * `StockReservationFailed` event, so a retry gets the same answer instead of reserving later and
 * contradicting an event others already acted on. Then the refusal is raised as the domain error.
 */
@Injectable()
export class ReserveStockHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly reservations: StockReservationRepository,
    private readonly inventory: InventoryRepository,
    private readonly outbox: OutboxWriter,
  ) {}

  async execute(request: ReserveStockRequest): Promise<ReserveStockAnswer> {
    const answer = await this.dataSource.transaction(async (transaction) => {
      await this.reservations.lockOrder(transaction, request.orderId);
      const existing = await this.reservations.find(request.orderId, transaction);
      if (existing) {
        return { reservation: repeatedReservation(existing, request.lines), created: false };
      }
      return { reservation: await this.reserveFirst(transaction, request), created: true };
    });
    const failure = failureOf(answer.reservation);
    if (failure) throw failure;
    return answer;
  }

  /**
   * Decides, records and announces the first reservation of an order. For callers that hold the
   * order's lock (`lockOrder`) in `transaction` and found no reservation for it: the HTTP path
   * above and the saga's ReserveStock command.
   */
  async reserveFirst(
    transaction: EntityManager,
    request: ReserveStockRequest,
  ): Promise<StockReservation> {
    const productIds = request.lines.map((line) => line.productId);
    // Locked until commit: no other order can take these units between the check and the update.
    const available = await this.inventory.lockAvailable(transaction, productIds);
    return this.record(transaction, newReservation(request, available));
  }

  /**
   * Records and announces a first reservation already decided (a refusal, say), under the same
   * conditions as {@link reserveFirst}.
   */
  async record(
    transaction: EntityManager,
    reservation: StockReservation,
  ): Promise<StockReservation> {
    const { orderId, lines, failure } = reservation;
    await this.reservations.insert(transaction, reservation);
    if (failure) {
      await this.outbox.append(transaction, StockReservationFailed, orderId, {
        orderId,
        reason: failure.reason,
        productIds: failure.productIds,
      });
    } else {
      await this.inventory.reserve(transaction, lines);
      await this.outbox.append(transaction, StockReserved, orderId, { orderId, lines });
    }
    return reservation;
  }
}
