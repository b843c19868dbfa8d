import type { Money } from '#libs/contracts';
import { PromotionErrors } from '../../promotion.errors.js';
import type { Discount } from './discount.js';
import { percentOf } from './percent-of.js';
import type { AppliedPromotion, PricedCart, PricedLine } from './priced-cart.js';
import { canApplyIn, type PromotionOffer } from './promotion-offer.js';

export interface CartLine {
  readonly productId: string;
  readonly categoryId: string;
  readonly quantity: number;
  /** The list price from the catalog projection. */
  readonly unitPrice: Money;
}

export interface CouponOffer {
  readonly code: string;
  readonly discount: Discount;
}

export interface CartToPrice {
  readonly lines: readonly CartLine[];
  /** The promotions in effect; those that cannot apply to this cart are ignored. */
  readonly promotions: readonly PromotionOffer[];
  /** A coupon already checked as usable. */
  readonly coupon?: CouponOffer;
}

/**
 * Prices a cart. Discounts never stack within a level; the levels apply in this order:
 *
 * 1. each line: the single best of the PRODUCT and CATEGORY promotions that target it
 *    (a percentage of the line's list total; a fixed amount off each unit, at most its price);
 * 2. the cart: the single best CART promotion whose threshold the subtotal reaches, on the subtotal
 *    after line discounts;
 * 3. the coupon, on what remains after the cart discount.
 *
 * "Best" is the largest amount; ties go to the lower promotion id, so the result never depends
 * on the order of the inputs. Percentages round half up to a minor unit (see `percentOf`).
 */
export function priceCart({ lines, promotions, coupon }: CartToPrice): PricedCart {
  const currency = singleCurrencyOf(lines);
  const offers = promotions.filter((offer) => canApplyIn(offer, currency));
  const pricedLines = lines.map((line) => priceLine(line, offers));
  const subtotal = sum(pricedLines.map((line) => line.total));

  const cartDiscount = best(
    offers
      .filter((offer) => offer.scope === 'CART' && reachesThreshold(offer, subtotal))
      .map((offer) => applied(offer, amountOff(offer.discount, subtotal))),
  );
  const afterCartDiscount = subtotal - (cartDiscount?.amount ?? 0);

  const couponDiscount = coupon && {
    code: coupon.code,
    amount: couponAmountOff(coupon, afterCartDiscount, currency),
  };
  const total = afterCartDiscount - (couponDiscount?.amount ?? 0);

  const cartDiscounts = cartDiscount ? [cartDiscount] : [];
  const everyDiscount = [
    ...pricedLines.flatMap((line) => line.discounts),
    ...cartDiscounts,
    ...(couponDiscount ? [couponDiscount] : []),
  ];
  return {
    currency,
    lines: pricedLines,
    subtotal,
    cartDiscounts,
    ...(couponDiscount && { coupon: couponDiscount }),
    discountTotal: sum(everyDiscount.map((discount) => discount.amount)),
    total,
  };
}

function priceLine(line: CartLine, offers: readonly PromotionOffer[]): PricedLine {
  const listTotal = line.unitPrice.amount * line.quantity;
  const discount = best(
    offers
      .filter((offer) => targets(offer, line))
      .map((offer) => applied(offer, lineAmountOff(offer.discount, line, listTotal))),
  );
  return {
    productId: line.productId,
    quantity: line.quantity,
    unitPrice: line.unitPrice.amount,
    listTotal,
    discounts: discount ? [discount] : [],
    total: listTotal - (discount?.amount ?? 0),
  };
}

function targets(offer: PromotionOffer, line: CartLine): boolean {
  return (
    (offer.scope === 'PRODUCT' && offer.targetId === line.productId) ||
    (offer.scope === 'CATEGORY' && offer.targetId === line.categoryId)
  );
}

/** A fixed line discount is per unit (€5 off each), never more than the unit price. */
function lineAmountOff(discount: Discount, line: CartLine, listTotal: number): number {
  return discount.kind === 'percent'
    ? percentOf(listTotal, discount.percent)
    : Math.min(discount.amount.amount, line.unitPrice.amount) * line.quantity;
}

/** What `discount` takes off `base`: never more than `base`. */
function amountOff(discount: Discount, base: number): number {
  return discount.kind === 'percent'
    ? percentOf(base, discount.percent)
    : Math.min(discount.amount.amount, base);
}

function reachesThreshold(offer: PromotionOffer, subtotal: number): boolean {
  return offer.minimumSubtotal === null || subtotal >= offer.minimumSubtotal.amount;
}

function couponAmountOff(coupon: CouponOffer, base: number, currency: string): number {
  const { discount } = coupon;
  if (discount.kind === 'fixed' && discount.amount.currency !== currency) {
    throw PromotionErrors.couponCurrencyMismatch(coupon.code, discount.amount.currency, currency);
  }
  return amountOff(discount, base);
}

function applied(offer: PromotionOffer, amount: number): AppliedPromotion {
  return { promotionId: offer.id, description: offer.description, amount };
}

/** The largest discount that takes anything off; ties go to the lower promotion id. */
function best(candidates: AppliedPromotion[]): AppliedPromotion | undefined {
  return candidates.filter((candidate) => candidate.amount > 0).sort(largestThenLowerId)[0];
}

function largestThenLowerId(a: AppliedPromotion, b: AppliedPromotion): number {
  if (a.amount !== b.amount) return b.amount - a.amount;
  return a.promotionId < b.promotionId ? -1 : a.promotionId > b.promotionId ? 1 : 0;
}

function singleCurrencyOf(lines: readonly CartLine[]): string {
  const currencies = [...new Set(lines.map((line) => line.unitPrice.currency))].sort();
  if (currencies.length > 1) throw PromotionErrors.mixedCurrencies(currencies);
  const [currency] = currencies;
  if (currency === undefined) throw new RangeError('a cart to price has at least one line');
  return currency;
}

function sum(amounts: readonly number[]): number {
  return amounts.reduce((total, amount) => total + amount, 0);
}
