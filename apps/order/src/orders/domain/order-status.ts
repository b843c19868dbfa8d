/**
 * Where an order stands. PENDING is a semantic lock the customer can see while placement runs;
 * the other three are where placement ends. COMPENSATION_FAILED means something the order held
 * (reserved stock, a redeemed coupon) could not be given back, so the order is neither confirmed
 * nor cleanly cancelled.
 */
export type OrderStatus = 'PENDING' | 'CONFIRMED' | 'CANCELLED' | 'COMPENSATION_FAILED';

/**
 * The only moves an order can make. CONFIRMED and CANCELLED are final; a COMPENSATION_FAILED order
 * becomes CANCELLED once a retried compensation gives everything back.
 */
const NEXT_STATUSES: Record<OrderStatus, readonly OrderStatus[]> = {
  PENDING: ['CONFIRMED', 'CANCELLED', 'COMPENSATION_FAILED'],
  COMPENSATION_FAILED: ['CANCELLED'],
  CONFIRMED: [],
  CANCELLED: [],
};

export function canMove(from: OrderStatus, to: OrderStatus): boolean {
  return NEXT_STATUSES[from].includes(to);
}
