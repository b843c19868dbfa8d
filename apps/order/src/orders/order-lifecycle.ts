import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { OrderCancelled, OrderConfirmed, OrderPlaced } from '#libs/contracts';
import { OutboxWriter } from '#libs/messaging';
import type { Order } from './domain/order.js';
import { orderCancelled, orderConfirmed, orderPlaced } from './order-events.js';
import { type IdempotencyRecord, OrderRepository } from './order.repository.js';

/**
 * Every change of an order's state, each in its own transaction together with the event that
 * announces it (through the outbox), so the change and its event exist together or not at all.
 */
@Injectable()
export class OrderLifecycle {
  constructor(
    private readonly dataSource: DataSource,
    private readonly orders: OrderRepository,
    private readonly outbox: OutboxWriter,
  ) {}

  /**
   * Stores a new PENDING order and announces it (OrderPlaced), unless the customer already placed
   * an order with this idempotency key: then nothing is written and the answer is false.
   */
  place(order: Order, idempotency: IdempotencyRecord): Promise<boolean> {
    return this.dataSource.transaction(async (transaction) => {
      if (!(await this.orders.insertUnlessKeyUsed(transaction, order, idempotency))) return false;
      await this.outbox.append(transaction, OrderPlaced, order.id, orderPlaced(order.toSnapshot()));
      return true;
    });
  }

  /** PENDING → CONFIRMED, announced as OrderConfirmed. */
  confirm(orderId: string): Promise<Order> {
    return this.change(orderId, async (order, transaction) => {
      order.confirm();
      await this.orders.saveStatus(transaction, order);
      await this.outbox.append(
        transaction,
        OrderConfirmed,
        orderId,
        orderConfirmed(order.toSnapshot()),
      );
    });
  }

  /** → CANCELLED with a machine-readable reason, announced as OrderCancelled. */
  cancel(orderId: string, reason: string): Promise<Order> {
    return this.change(orderId, async (order, transaction) => {
      order.cancel(reason);
      await this.orders.saveStatus(transaction, order);
      await this.outbox.append(
        transaction,
        OrderCancelled,
        orderId,
        orderCancelled(order.toSnapshot()),
      );
    });
  }

  /**
   * PENDING → COMPENSATION_FAILED: placement failed (`reason`) and something the order held could
   * not be given back. No event: the order has not ended, and no contract names this state yet.
   */
  failCompensation(orderId: string, reason: string): Promise<Order> {
    return this.change(orderId, async (order, transaction) => {
      order.failCompensation(reason);
      await this.orders.saveStatus(transaction, order);
    });
  }

  private change(
    orderId: string,
    apply: (order: Order, transaction: EntityManager) => Promise<void>,
  ): Promise<Order> {
    return this.dataSource.transaction(async (transaction) => {
      const order = await this.orders.lockById(transaction, orderId);
      await apply(order, transaction);
      return order;
    });
  }
}
