import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { OrderCancelled, OrderConfirmed, OrderPlaced } from '#libs/contracts';
import { OutboxWriter } from '#libs/messaging';
import type { Order } from './domain/order.js';
import { orderCancelled, orderConfirmed, orderPlaced } from './order-events.js';
import { type IdempotencyRecord, OrderRepository } from './order.repository.js';

/**
 * Every change of an order's state, written in the caller's transaction together with the event
 * that announces it (through the outbox), so the change and its event exist together or not at
 * all. The saga that drives the order writes its own step in the same transaction.
 */
@Injectable()
export class OrderLifecycle {
  constructor(
    private readonly orders: OrderRepository,
    private readonly outbox: OutboxWriter,
  ) {}

  /**
   * Stores a new PENDING order and announces it (OrderPlaced), unless the customer already placed
   * an order with this idempotency key: then nothing is written and the answer is false.
   */
  async place(
    transaction: EntityManager,
    order: Order,
    idempotency: IdempotencyRecord,
  ): Promise<boolean> {
    if (!(await this.orders.insertUnlessKeyUsed(transaction, order, idempotency))) return false;
    await this.outbox.append(transaction, OrderPlaced, order.id, orderPlaced(order.toSnapshot()));
    return true;
  }

  /** PENDING → CONFIRMED, announced as OrderConfirmed. `order` is locked by the caller. */
  async confirm(transaction: EntityManager, order: Order): Promise<void> {
    order.confirm();
    await this.orders.saveStatus(transaction, order);
    await this.outbox.append(
      transaction,
      OrderConfirmed,
      order.id,
      orderConfirmed(order.toSnapshot()),
    );
  }

  /** → CANCELLED with a machine-readable reason, announced as OrderCancelled. */
  async cancel(transaction: EntityManager, order: Order, reason: string): Promise<void> {
    order.cancel(reason);
    await this.orders.saveStatus(transaction, order);
    await this.outbox.append(
      transaction,
      OrderCancelled,
      order.id,
      orderCancelled(order.toSnapshot()),
    );
  }

  /**
   * PENDING → COMPENSATION_FAILED: placement failed (`reason`) and something the order held could
   * not be given back yet. No event: the order has not ended, and no contract names this state.
   * An order parked again after an admin retry stays as it is.
   */
  async failCompensation(transaction: EntityManager, order: Order, reason: string): Promise<void> {
    if (order.status === 'COMPENSATION_FAILED') return;
    order.failCompensation(reason);
    await this.orders.saveStatus(transaction, order);
  }
}
