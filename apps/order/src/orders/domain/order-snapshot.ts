import type { Money } from '#libs/contracts';
import type { OrderStatus } from './order-status.js';

/** One product of an order at the price it was quoted when the order was placed. */
export interface OrderLine {
  readonly productId: string;
  readonly quantity: number;
  readonly unitPrice: Money;
  /** `unitPrice` × `quantity`; discounts are listed separately. */
  readonly total: Money;
}

/** One discount the quote granted: on a line, on the whole cart, or the coupon's. */
export interface OrderDiscount {
  readonly description: string;
  readonly amount: Money;
  /** The promotion that granted it; null for the coupon. */
  readonly promotionId: string | null;
  /** The line it was taken off; null for cart-wide discounts and the coupon. */
  readonly productId: string | null;
}

/** Everything an order is, as plain data: what is stored, and what the aggregate is rebuilt from. */
export interface OrderSnapshot {
  readonly id: string;
  readonly customerId: string;
  readonly status: OrderStatus;
  readonly lines: readonly OrderLine[];
  readonly discounts: readonly OrderDiscount[];
  /** The sum of the line totals. */
  readonly subtotal: Money;
  /** The sum of the discounts. */
  readonly discountTotal: Money;
  /** `subtotal` − `discountTotal`: what the customer pays. */
  readonly total: Money;
  readonly couponCode: string | null;
  /** A machine-readable code such as `ORDER.OUT_OF_STOCK`; null unless placement failed. */
  readonly cancellationReason: string | null;
}
