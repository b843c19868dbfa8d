import type { Money } from '#libs/contracts';
import { DomainError } from '#libs/domain-errors';
import { InvalidOrder } from './invalid-order.error.js';
import type { OrderDiscount, OrderLine, OrderSnapshot } from './order-snapshot.js';
import { canMove, type OrderStatus } from './order-status.js';

/** What placing an order starts from: who buys what, at which quoted prices and discounts. */
export interface OrderDraft {
  id: string;
  customerId: string;
  couponCode: string | null;
  lines: readonly { productId: string; quantity: number; unitPrice: Money }[];
  discounts: readonly OrderDiscount[];
}

/**
 * An order and the rules of its life: its figures always add up (in one currency), and its status
 * only moves along the transitions in `order-status.ts`.
 */
export class Order {
  private constructor(private state: OrderSnapshot) {}

  /** A new PENDING order; computes its totals and refuses figures that do not add up. */
  static place(draft: OrderDraft): Order {
    const currency = draft.lines[0]?.unitPrice.currency;
    if (!currency) throw new InvalidOrder('an order needs at least one line');
    const productIds = new Set(draft.lines.map((line) => line.productId));
    if (productIds.size !== draft.lines.length) {
      throw new InvalidOrder('a product may appear on one line only');
    }
    const money = (amount: number): Money => ({ amount, currency });

    const lines: OrderLine[] = draft.lines.map(({ productId, quantity, unitPrice }) => ({
      productId,
      quantity,
      unitPrice: inCurrency(unitPrice, currency),
      total: money(unitPrice.amount * quantity),
    }));
    const subtotal = sum(lines.map((line) => line.total.amount));
    const discountTotal = sum(
      draft.discounts.map((discount) => inCurrency(discount.amount, currency).amount),
    );
    if (discountTotal > subtotal) {
      throw new InvalidOrder(`discounts of ${discountTotal} exceed the subtotal of ${subtotal}`);
    }

    return new Order({
      id: draft.id,
      customerId: draft.customerId,
      status: 'PENDING',
      lines,
      discounts: [...draft.discounts],
      subtotal: money(subtotal),
      discountTotal: money(discountTotal),
      total: money(subtotal - discountTotal),
      couponCode: draft.couponCode,
      cancellationReason: null,
    });
  }

  /** An order as it was stored. */
  static restore(snapshot: OrderSnapshot): Order {
    return new Order(snapshot);
  }

  get id(): string {
    return this.state.id;
  }

  get status(): OrderStatus {
    return this.state.status;
  }

  get couponCode(): string | null {
    return this.state.couponCode;
  }

  /** Everything placement needed went through. */
  confirm(): void {
    this.moveTo('CONFIRMED', null);
  }

  /** Placement failed and everything the order held was given back; `reason` says why. */
  cancel(reason: string): void {
    this.moveTo('CANCELLED', reason);
  }

  /** Placement failed (`reason`) and something the order held could not be given back. */
  failCompensation(reason: string): void {
    this.moveTo('COMPENSATION_FAILED', reason);
  }

  toSnapshot(): OrderSnapshot {
    return this.state;
  }

  private moveTo(status: OrderStatus, cancellationReason: string | null): void {
    if (!canMove(this.state.status, status)) {
      throw new DomainError(
        'ORDER.STATUS_CONFLICT',
        'conflict',
        `order ${this.state.id} is ${this.state.status} and cannot become ${status}`,
      );
    }
    this.state = { ...this.state, status, cancellationReason };
  }
}

function inCurrency(money: Money, currency: string): Money {
  if (money.currency !== currency) {
    throw new InvalidOrder(
      `an order is priced in one currency: ${currency}, not ${money.currency}`,
    );
  }
  return money;
}

function sum(amounts: number[]): number {
  return amounts.reduce((total, amount) => total + amount, 0);
}
