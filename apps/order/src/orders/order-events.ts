import type { OrderCancelled, OrderConfirmed, OrderPlaced, PayloadOf } from '#libs/contracts';
import type { OrderSnapshot } from './domain/order-snapshot.js';

// The integration events of an order, built from its state. Lines travel with their unit prices
// so that consumers (recommendation's statistics, say) never need to ask for them.

const linesOf = (order: OrderSnapshot) =>
  order.lines.map(({ productId, quantity, unitPrice }) => ({ productId, quantity, unitPrice }));

export function orderPlaced(order: OrderSnapshot): PayloadOf<typeof OrderPlaced> {
  return {
    orderId: order.id,
    customerId: order.customerId,
    lines: linesOf(order),
    total: order.total,
    couponCode: order.couponCode,
  };
}

export function orderConfirmed(order: OrderSnapshot): PayloadOf<typeof OrderConfirmed> {
  return {
    orderId: order.id,
    customerId: order.customerId,
    lines: linesOf(order),
    total: order.total,
  };
}

export function orderCancelled(order: OrderSnapshot): PayloadOf<typeof OrderCancelled> {
  if (!order.cancellationReason) throw new Error(`order ${order.id} has no cancellation reason`);
  return { orderId: order.id, customerId: order.customerId, reason: order.cancellationReason };
}
