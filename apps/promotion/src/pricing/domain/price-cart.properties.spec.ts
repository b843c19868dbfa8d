import fc from 'fast-check';
import type { Discount } from './discount.js';
import { type CartLine, type CartToPrice, priceCart } from './price-cart.js';
import type { PricedCart } from './priced-cart.js';
import type { PromotionOffer } from './promotion-offer.js';

// Small pools of ids, so that generated promotions often target generated lines.
const PRODUCT_IDS = [1, 2, 3, 4].map((n) => `00000000-0000-4000-8000-00000000000${n}`);
const CATEGORY_IDS = ['books', 'toys', 'garden'];
const CURRENCIES = ['EUR', 'USD'];

// The bounds the HTTP contracts enforce: 32-bit prices, quantities up to 999, fixed discounts and
// thresholds up to 100 000 000 minor units.
const price = fc.integer({ min: 0, max: 2_147_483_647 });
const fixedAmount = fc.integer({ min: 1, max: 100_000_000 });

const discount = (currency: fc.Arbitrary<string>): fc.Arbitrary<Discount> =>
  fc.oneof(
    fc.integer({ min: 1, max: 100 }).map((percent) => ({ kind: 'percent' as const, percent })),
    fc
      .record({ amount: fixedAmount, currency })
      .map((amount) => ({ kind: 'fixed' as const, amount })),
  );

const promotion: fc.Arbitrary<PromotionOffer> = fc
  .record({
    id: fc.uuid(),
    target: fc.oneof(
      fc.constantFrom(...PRODUCT_IDS).map((id) => ({ scope: 'PRODUCT' as const, targetId: id })),
      fc.constantFrom(...CATEGORY_IDS).map((id) => ({ scope: 'CATEGORY' as const, targetId: id })),
      fc.constant({ scope: 'CART' as const, targetId: null }),
    ),
    discount: discount(fc.constantFrom(...CURRENCIES)),
    minimum: fc.option(
      fc.record({ amount: fixedAmount, currency: fc.constantFrom(...CURRENCIES) }),
    ),
  })
  .map(({ id, target, discount, minimum }) => ({
    id,
    description: `promotion ${id}`,
    ...target,
    discount,
    minimumSubtotal: target.scope === 'CART' ? minimum : null,
  }));

/** A cart in one currency, with promotions (some in other currencies) and maybe a coupon. */
const cart: fc.Arbitrary<CartToPrice> = fc.constantFrom(...CURRENCIES).chain((currency) =>
  fc.record({
    lines: fc.uniqueArray(
      fc.record({
        productId: fc.constantFrom(...PRODUCT_IDS),
        categoryId: fc.constantFrom(...CATEGORY_IDS),
        quantity: fc.integer({ min: 1, max: 999 }),
        unitPrice: price.map((amount) => ({ amount, currency })),
      }),
      { minLength: 1, maxLength: PRODUCT_IDS.length, selector: (line) => line.productId },
    ),
    promotions: fc.array(promotion, { maxLength: 8 }),
    coupon: fc.option(
      fc.record({ code: fc.constant('COUPON'), discount: discount(fc.constant(currency)) }),
      { nil: undefined },
    ),
  }),
);

/** What a discount takes off a base, computed independently of the code under test. */
function expectedAmountOff(discount: Discount, base: number): number {
  return discount.kind === 'percent'
    ? Math.round((base * discount.percent) / 100) // half up for non-negative amounts
    : Math.min(discount.amount.amount, base);
}

const everyAmount = (priced: PricedCart): number[] => [
  ...priced.lines.flatMap((l) => [
    l.unitPrice,
    l.listTotal,
    l.total,
    ...l.discounts.map((d) => d.amount),
  ]),
  priced.subtotal,
  ...priced.cartDiscounts.map((d) => d.amount),
  priced.coupon?.amount ?? 0,
  priced.discountTotal,
  priced.total,
];

const cartDiscountOf = (priced: PricedCart) => priced.cartDiscounts[0]?.amount ?? 0;

describe('priceCart, for any cart', () => {
  it('gives non-negative whole minor units everywhere, so a total is never negative', () => {
    fc.assert(
      fc.property(cart, (input) => {
        for (const amount of everyAmount(priceCart(input))) {
          expect(Number.isSafeInteger(amount) && amount >= 0).toBe(true);
        }
      }),
    );
  });

  it('never takes a discount beyond what it discounts', () => {
    fc.assert(
      fc.property(cart, (input) => {
        const priced = priceCart(input);
        for (const line of priced.lines) {
          expect(line.discounts.length).toBeLessThanOrEqual(1);
          expect(line.discounts[0]?.amount ?? 0).toBeLessThanOrEqual(line.listTotal);
        }
        expect(priced.cartDiscounts.length).toBeLessThanOrEqual(1);
        expect(cartDiscountOf(priced)).toBeLessThanOrEqual(priced.subtotal);
        expect(priced.coupon?.amount ?? 0).toBeLessThanOrEqual(
          priced.subtotal - cartDiscountOf(priced),
        );
      }),
    );
  });

  it('accounts for every minor unit: total = list totals − discounts', () => {
    fc.assert(
      fc.property(cart, (input) => {
        const priced = priceCart(input);
        const listTotal = priced.lines.reduce((sum, line) => sum + line.listTotal, 0);
        const lineTotals = priced.lines.reduce((sum, line) => sum + line.total, 0);
        expect(priced.subtotal).toBe(lineTotals);
        expect(priced.total).toBe(listTotal - priced.discountTotal);
        expect(priced.total).toBe(
          priced.subtotal - cartDiscountOf(priced) - (priced.coupon?.amount ?? 0),
        );
      }),
    );
  });

  it('applies the cart discount to the discounted subtotal, then the coupon to what remains', () => {
    fc.assert(
      fc.property(cart, (input) => {
        const priced = priceCart(input);
        const [cartDiscount] = priced.cartDiscounts;
        if (cartDiscount) {
          const chosen = input.promotions.find((p) => p.id === cartDiscount.promotionId)!;
          expect(chosen.scope).toBe('CART');
          expect(cartDiscount.amount).toBe(expectedAmountOff(chosen.discount, priced.subtotal));
        }
        if (input.coupon) {
          const remaining = priced.subtotal - cartDiscountOf(priced);
          expect(priced.coupon?.amount).toBe(expectedAmountOff(input.coupon.discount, remaining));
        }
      }),
    );
  });

  it('gives each line the best discount among the promotions that target it', () => {
    fc.assert(
      fc.property(cart, (input) => {
        const priced = priceCart(input);
        priced.lines.forEach((pricedLine, index) => {
          const line = input.lines[index]!;
          const candidates = input.promotions
            .filter((p) => targets(p, line) && fitsCurrency(p, line.unitPrice.currency))
            .map((p) => lineAmountOff(p.discount, line));
          expect(pricedLine.discounts[0]?.amount ?? 0).toBe(Math.max(0, ...candidates));
        });
      }),
    );
  });

  it('gives the same result whatever the order of the promotions', () => {
    fc.assert(
      fc.property(cart, fc.func(fc.integer()), (input, sortKey) => {
        const reordered = [...input.promotions].sort((a, b) => sortKey(a.id) - sortKey(b.id));
        expect(priceCart({ ...input, promotions: reordered })).toEqual(priceCart(input));
      }),
    );
  });

  it('refuses any cart whose lines are priced in more than one currency', () => {
    fc.assert(
      fc.property(cart, (input) => {
        const [first, ...rest] = input.lines;
        const other = first!.unitPrice.currency === 'EUR' ? 'USD' : 'EUR';
        const mixed = [{ ...first!, productId: 'x', unitPrice: { amount: 1, currency: other } }];
        expect(() => priceCart({ ...input, lines: [...mixed, ...rest, first!] })).toThrow(
          expect.objectContaining({ code: 'PROMOTION.MIXED_CURRENCIES' }),
        );
      }),
    );
  });
});

function targets(promotion: PromotionOffer, line: CartLine): boolean {
  return promotion.scope === 'PRODUCT'
    ? promotion.targetId === line.productId
    : promotion.scope === 'CATEGORY' && promotion.targetId === line.categoryId;
}

function fitsCurrency(promotion: PromotionOffer, currency: string): boolean {
  return promotion.discount.kind === 'percent' || promotion.discount.amount.currency === currency;
}

function lineAmountOff(discount: Discount, line: CartLine): number {
  return discount.kind === 'percent'
    ? expectedAmountOff(discount, line.unitPrice.amount * line.quantity)
    : Math.min(discount.amount.amount, line.unitPrice.amount) * line.quantity;
}
