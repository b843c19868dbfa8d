import type { OrderView } from '#libs/contracts';
import type { StoredOrder } from './order.repository.js';

/** An order as `GET /orders/:id` and `GET /orders` show it. */
export function orderView({ snapshot, createdAt, updatedAt }: StoredOrder): OrderView {
  return {
    id: snapshot.id,
    status: snapshot.status,
    customerId: snapshot.customerId,
    lines: [...snapshot.lines],
    discounts: [...snapshot.discounts],
    subtotal: snapshot.subtotal,
    discountTotal: snapshot.discountTotal,
    total: snapshot.total,
    couponCode: snapshot.couponCode,
    cancellationReason: snapshot.cancellationReason,
    createdAt: createdAt.toISOString(),
    updatedAt: updatedAt.toISOString(),
  };
}
