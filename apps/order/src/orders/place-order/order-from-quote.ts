import type { Quote } from '#libs/contracts';
import { InvalidOrder } from '../domain/invalid-order.error.js';
import type { OrderDiscount } from '../domain/order-snapshot.js';
import { Order } from '../domain/order.js';

export interface OrderRequest {
  customerId: string;
  items: readonly { productId: string; quantity: number }[];
  couponCode?: string | undefined;
}

/**
 * A new order for the request at the quoted prices: unit prices from the quote's lines, and every
 * discount it granted (on lines, on the cart, the coupon's). Throws `InvalidOrder` when the quote
 * does not price exactly what was asked for, or its total is not what its own figures add up to:
 * the customer pays what they were quoted, or nothing.
 */
export function orderFromQuote(id: string, request: OrderRequest, quote: Quote): Order {
  const quoted = new Map(quote.lines.map((line) => [line.productId, line]));
  const lines = request.items.map(({ productId, quantity }) => {
    const line = quoted.get(productId);
    if (line?.quantity !== quantity) {
      throw new InvalidOrder(`the quote does not price ${quantity} × ${productId}`);
    }
    return { productId, quantity, unitPrice: line.unitPrice };
  });
  if (quote.lines.length !== lines.length) {
    throw new InvalidOrder('the quote prices products that were not ordered');
  }

  const order = Order.place({
    id,
    customerId: request.customerId,
    couponCode: request.couponCode ?? null,
    lines,
    discounts: discountsOf(quote),
  });
  const { total } = order.toSnapshot();
  if (total.amount !== quote.total.amount || total.currency !== quote.total.currency) {
    throw new InvalidOrder(
      `the quote's total is ${quote.total.amount} ${quote.total.currency}, its figures make ${total.amount} ${total.currency}`,
    );
  }
  return order;
}

function discountsOf(quote: Quote): OrderDiscount[] {
  const onLines = quote.lines.flatMap((line) =>
    line.discounts.map(({ description, amount, promotionId }) => ({
      description,
      amount,
      promotionId,
      productId: line.productId,
    })),
  );
  const onCart = quote.cartDiscounts.map(({ description, amount, promotionId }) => ({
    description,
    amount,
    promotionId,
    productId: null,
  }));
  const coupon = quote.coupon
    ? [
        {
          description: `Coupon ${quote.coupon.code}`,
          amount: quote.coupon.amount,
          promotionId: null,
          productId: null,
        },
      ]
    : [];
  return [...onLines, ...onCart, ...coupon];
}
