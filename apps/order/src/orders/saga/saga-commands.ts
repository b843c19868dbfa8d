import type { EntityManager } from 'typeorm';
import {
  CommitStock,
  RedeemCoupon,
  ReleaseCoupon,
  ReleaseStock,
  ReserveStock,
} from '#libs/contracts';
import type { OutboxWriter } from '#libs/messaging';
import type { OrderSnapshot } from '../domain/order-snapshot.js';
import type { AwaitedStep } from './domain/saga-step.js';

/**
 * Appends the command of a saga step to the outbox, in the transaction that decided it, keyed by
 * the order id: every command of one order lands on one partition, in the order it was decided.
 */
export async function appendCommand(
  outbox: OutboxWriter,
  transaction: EntityManager,
  step: AwaitedStep,
  order: OrderSnapshot,
): Promise<void> {
  const orderId = order.id;
  switch (step) {
    case 'reserve-stock':
      await outbox.append(transaction, ReserveStock, orderId, {
        orderId,
        lines: order.lines.map(({ productId, quantity }) => ({ productId, quantity })),
      });
      return;
    case 'redeem-coupon':
      await outbox.append(transaction, RedeemCoupon, orderId, {
        orderId,
        customerId: order.customerId,
        couponCode: couponOf(order),
      });
      return;
    case 'commit-stock':
      await outbox.append(transaction, CommitStock, orderId, { orderId });
      return;
    case 'release-coupon':
      await outbox.append(transaction, ReleaseCoupon, orderId, {
        orderId,
        couponCode: couponOf(order),
      });
      return;
    case 'release-stock':
      await outbox.append(transaction, ReleaseStock, orderId, { orderId });
      return;
  }
}

function couponOf(order: OrderSnapshot): string {
  if (!order.couponCode)
    throw new Error(`order ${order.id} has no coupon, yet its saga has a coupon step`);
  return order.couponCode;
}
