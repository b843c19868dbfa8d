import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Money } from '#libs/contracts';
import { Order } from './domain/order.js';
import type { OrderDiscount, OrderSnapshot } from './domain/order-snapshot.js';
import type { OrderStatus } from './domain/order-status.js';

/** An order as stored, with what only storage knows. */
export interface StoredOrder {
  readonly snapshot: OrderSnapshot;
  /** Identifies the request that created the order; see `request-fingerprint.ts`. */
  readonly requestFingerprint: string;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

/** The request that created an order, so a retry with the same key finds the same order. */
export interface IdempotencyRecord {
  readonly key: string;
  readonly fingerprint: string;
}

interface OrderRow {
  id: string;
  customer_id: string;
  status: OrderStatus;
  currency: string;
  subtotal_amount: string;
  discount_total_amount: string;
  total_amount: string;
  discounts: (Omit<OrderDiscount, 'amount'> & { amount: number })[];
  coupon_code: string | null;
  cancellation_reason: string | null;
  request_fingerprint: string;
  created_at: Date;
  updated_at: Date;
  lines: { productId: string; quantity: number; unitPrice: number; total: number }[];
}

// One query shape for every read: the order row with its lines as JSON, in line order.
const SELECT_ORDERS = `
  SELECT o.id, o.customer_id, o.status, o.currency, o.subtotal_amount, o.discount_total_amount,
         o.total_amount, o.discounts, o.coupon_code, o.cancellation_reason, o.request_fingerprint,
         o.created_at, o.updated_at,
         (SELECT json_agg(json_build_object('productId', l.product_id, 'quantity', l.quantity,
                                            'unitPrice', l.unit_price_amount, 'total', l.total_amount)
                          ORDER BY l.line_no)
            FROM order_lines l
           WHERE l.order_id = o.id) AS lines
    FROM orders o`;

/** Orders in the order service's own database. */
@Injectable()
export class OrderRepository {
  constructor(private readonly dataSource: DataSource) {}

  async findById(id: string): Promise<StoredOrder | undefined> {
    const rows: OrderRow[] = await this.dataSource.query(`${SELECT_ORDERS} WHERE o.id = $1`, [id]);
    return rows[0] && stored(rows[0]);
  }

  /** The order a customer placed with this idempotency key, if any. */
  async findByIdempotencyKey(customerId: string, key: string): Promise<StoredOrder | undefined> {
    const rows: OrderRow[] = await this.dataSource.query(
      `${SELECT_ORDERS} WHERE o.customer_id = $1 AND o.idempotency_key = $2`,
      [customerId, key],
    );
    return rows[0] && stored(rows[0]);
  }

  /** One page of a customer's orders, newest first, and how many there are in all. */
  pageOfCustomer(
    customerId: string,
    { page, pageSize }: { page: number; pageSize: number },
  ): Promise<{ orders: StoredOrder[]; total: number }> {
    // One snapshot for both queries, so the count and the page agree.
    return this.dataSource.transaction('REPEATABLE READ', async (transaction) => {
      const [{ total }]: { total: number }[] = await transaction.query(
        'SELECT count(*)::int AS total FROM orders WHERE customer_id = $1',
        [customerId],
      );
      const rows: OrderRow[] = await transaction.query(
        `${SELECT_ORDERS} WHERE o.customer_id = $1
          ORDER BY o.created_at DESC, o.id DESC LIMIT $2 OFFSET $3`,
        [customerId, pageSize, (page - 1) * pageSize],
      );
      return { orders: rows.map(stored), total };
    });
  }

  /**
   * Stores a new order with its lines, unless the customer already placed an order with this
   * idempotency key; returns whether it did. A concurrent insert with the same key waits for the
   * first to commit, then inserts nothing: the UNIQUE constraint settles the race.
   */
  async insertUnlessKeyUsed(
    transaction: EntityManager,
    order: Order,
    idempotency: IdempotencyRecord,
  ): Promise<boolean> {
    const o = order.toSnapshot();
    const inserted: unknown[] = await transaction.query(
      `INSERT INTO orders (id, customer_id, idempotency_key, request_fingerprint, status, currency,
                           subtotal_amount, discount_total_amount, total_amount, discounts,
                           coupon_code, cancellation_reason)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
       ON CONFLICT (customer_id, idempotency_key) DO NOTHING
       RETURNING id`,
      [
        o.id,
        o.customerId,
        idempotency.key,
        idempotency.fingerprint,
        o.status,
        o.total.currency,
        o.subtotal.amount,
        o.discountTotal.amount,
        o.total.amount,
        JSON.stringify(
          o.discounts.map((discount) => ({ ...discount, amount: discount.amount.amount })),
        ),
        o.couponCode,
        o.cancellationReason,
      ],
    );
    if (inserted.length === 0) return false;

    await transaction.query(
      `INSERT INTO order_lines (order_id, line_no, product_id, quantity, unit_price_amount, total_amount)
       SELECT $1, line.no, line.product_id, line.quantity, line.unit_price, line.total
         FROM unnest($2::uuid[], $3::int[], $4::bigint[], $5::bigint[])
              WITH ORDINALITY AS line (product_id, quantity, unit_price, total, no)`,
      [
        o.id,
        o.lines.map((line) => line.productId),
        o.lines.map((line) => line.quantity),
        o.lines.map((line) => line.unitPrice.amount),
        o.lines.map((line) => line.total.amount),
      ],
    );
    return true;
  }

  /**
   * The order, locked until the transaction ends, so status changes of one order happen one at a
   * time and append their events in the order they commit.
   */
  async lockById(transaction: EntityManager, id: string): Promise<Order> {
    const rows: OrderRow[] = await transaction.query(
      `${SELECT_ORDERS} WHERE o.id = $1 FOR UPDATE OF o`,
      [id],
    );
    if (!rows[0]) throw new Error(`order ${id} does not exist`);
    return Order.restore(stored(rows[0]).snapshot);
  }

  /** Writes the order's status and cancellation reason; its figures never change. */
  async saveStatus(transaction: EntityManager, order: Order): Promise<void> {
    const { id, status, cancellationReason } = order.toSnapshot();
    await transaction.query(
      `UPDATE orders SET status = $2, cancellation_reason = $3, updated_at = now() WHERE id = $1`,
      [id, status, cancellationReason],
    );
  }
}

function stored(row: OrderRow): StoredOrder {
  const money = (amount: number | string): Money => ({
    amount: Number(amount),
    currency: row.currency,
  });
  return {
    snapshot: {
      id: row.id,
      customerId: row.customer_id,
      status: row.status,
      lines: row.lines.map((line) => ({
        productId: line.productId,
        quantity: line.quantity,
        unitPrice: money(line.unitPrice),
        total: money(line.total),
      })),
      discounts: row.discounts.map((discount) => ({ ...discount, amount: money(discount.amount) })),
      subtotal: money(row.subtotal_amount),
      discountTotal: money(row.discount_total_amount),
      total: money(row.total_amount),
      couponCode: row.coupon_code,
      cancellationReason: row.cancellation_reason,
    },
    requestFingerprint: row.request_fingerprint,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
