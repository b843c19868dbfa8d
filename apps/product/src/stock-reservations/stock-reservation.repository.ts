import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type {
  StockReservation,
  StockReservationLine,
  StockReservationStatus,
} from '#libs/contracts';
import { ADVISORY_LOCK } from '../database/advisory-locks.js';

interface ReservationRow {
  orderId: string;
  status: StockReservationStatus;
  failureReason: NonNullable<StockReservation['failure']>['reason'] | null;
  failureProductIds: string[] | null;
  lines: StockReservationLine[];
}

/** Stock reservations, one per order id, with the lines the order asked for. */
@Injectable()
export class StockReservationRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Serialises every command on one order until the transaction ends: a reserve racing a release
   * (or itself) for the same order waits, then sees what the other did. Held as an advisory lock
   * because the order may have no row yet to lock.
   */
  async lockOrder(transaction: EntityManager, orderId: string): Promise<void> {
    await transaction.query('SELECT pg_advisory_xact_lock($1, hashtext($2::uuid::text))', [
      ADVISORY_LOCK.stockReservation,
      orderId,
    ]);
  }

  async find(
    orderId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<StockReservation | undefined> {
    const rows: ReservationRow[] = await manager.query(
      `SELECT r.order_id AS "orderId", r.status, r.failure_reason AS "failureReason",
              r.failure_product_ids::text[] AS "failureProductIds",
              coalesce(
                json_agg(json_build_object('productId', l.product_id, 'quantity', l.quantity)
                         ORDER BY l.product_id) FILTER (WHERE l.product_id IS NOT NULL),
                '[]') AS lines
         FROM stock_reservations r
         LEFT JOIN stock_reservation_lines l ON l.order_id = r.order_id
        WHERE r.order_id = $1
        GROUP BY r.order_id`,
      [orderId],
    );
    return rows[0] && toReservation(rows[0]);
  }

  async insert(transaction: EntityManager, reservation: StockReservation): Promise<void> {
    await transaction.query(
      `INSERT INTO stock_reservations (order_id, status, failure_reason, failure_product_ids)
       VALUES ($1, $2, $3, $4)`,
      [
        reservation.orderId,
        reservation.status,
        reservation.failure?.reason ?? null,
        reservation.failure?.productIds ?? null,
      ],
    );
    await transaction.query(
      `INSERT INTO stock_reservation_lines (order_id, product_id, quantity)
       SELECT $1, * FROM unnest($2::uuid[], $3::int[])`,
      [
        reservation.orderId,
        reservation.lines.map((line) => line.productId),
        reservation.lines.map((line) => line.quantity),
      ],
    );
  }

  async changeStatus(
    transaction: EntityManager,
    orderId: string,
    status: StockReservationStatus,
  ): Promise<void> {
    await transaction.query(
      'UPDATE stock_reservations SET status = $2, updated_at = now() WHERE order_id = $1',
      [orderId, status],
    );
  }
}

function toReservation(row: ReservationRow): StockReservation {
  const reservation: StockReservation = {
    orderId: row.orderId,
    status: row.status,
    lines: row.lines,
  };
  if (row.failureReason && row.failureProductIds) {
    reservation.failure = { reason: row.failureReason, productIds: row.failureProductIds };
  }
  return reservation;
}
