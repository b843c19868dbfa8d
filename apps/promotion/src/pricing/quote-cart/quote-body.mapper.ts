import type { AppliedDiscount, Quote } from '#libs/contracts';
import type { AppliedPromotion, PricedCart } from '../domain/priced-cart.js';

/** The priced cart as the API shows it: every amount as money in the cart's currency. */
export function toQuoteBody(cart: PricedCart): Quote {
  const money = (amount: number) => ({ amount, currency: cart.currency });
  const discount = ({ promotionId, description, amount }: AppliedPromotion): AppliedDiscount => ({
    promotionId,
    description,
    amount: money(amount),
  });
  return {
    currency: cart.currency,
    lines: cart.lines.map((line) => ({
      productId: line.productId,
      quantity: line.quantity,
      unitPrice: money(line.unitPrice),
      listTotal: money(line.listTotal),
      discounts: line.discounts.map(discount),
      total: money(line.total),
    })),
    subtotal: money(cart.subtotal),
    cartDiscounts: cart.cartDiscounts.map(discount),
    ...(cart.coupon && { coupon: { code: cart.coupon.code, amount: money(cart.coupon.amount) } }),
    discountTotal: money(cart.discountTotal),
    total: money(cart.total),
  };
}
