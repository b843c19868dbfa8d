import { DomainError } from '#libs/domain-errors';
import type { Discount } from './discount.js';
import { type CartLine, priceCart } from './price-cart.js';
import type { PromotionOffer } from './promotion-offer.js';

const BOOK = '00000000-0000-4000-8000-00000000000b';
const LAMP = '00000000-0000-4000-8000-00000000000c';

const eur = (amount: number) => ({ amount, currency: 'EUR' });
const percent = (value: number): Discount => ({ kind: 'percent', percent: value });
const fixed = (amount: number, currency = 'EUR'): Discount => ({
  kind: 'fixed',
  amount: { amount, currency },
});

function line(productId: string, unitPrice: number, quantity = 1, categoryId = 'books'): CartLine {
  return { productId, categoryId, quantity, unitPrice: eur(unitPrice) };
}

function promotion(
  id: string,
  scope: PromotionOffer['scope'],
  targetId: string | null,
  discount: Discount,
  minimumSubtotal: number | null = null,
): PromotionOffer {
  return {
    id,
    description: `promotion ${id}`,
    scope,
    targetId,
    discount,
    minimumSubtotal: minimumSubtotal === null ? null : eur(minimumSubtotal),
  };
}

const discountsOf = (cart: ReturnType<typeof priceCart>) =>
  cart.lines.map((priced) => priced.discounts.map((d) => [d.promotionId, d.amount]));

describe('priceCart', () => {
  it('prices a cart without promotions at list prices', () => {
    const cart = priceCart({ lines: [line(BOOK, 1250, 2), line(LAMP, 4999)], promotions: [] });

    expect(cart).toEqual({
      currency: 'EUR',
      lines: [
        {
          productId: BOOK,
          quantity: 2,
          unitPrice: 1250,
          listTotal: 2500,
          discounts: [],
          total: 2500,
        },
        {
          productId: LAMP,
          quantity: 1,
          unitPrice: 4999,
          listTotal: 4999,
          discounts: [],
          total: 4999,
        },
      ],
      subtotal: 7499,
      cartDiscounts: [],
      discountTotal: 0,
      total: 7499,
    });
  });

  it('applies a percentage promotion to the line total, rounding half up', () => {
    const cart = priceCart({
      lines: [line(BOOK, 995, 2)],
      promotions: [promotion('p1', 'PRODUCT', BOOK, percent(5))],
    });

    expect(cart.lines[0]).toMatchObject({
      listTotal: 1990,
      discounts: [{ promotionId: 'p1', description: 'promotion p1', amount: 100 }], // 99.5
      total: 1890,
    });
  });

  it('takes a fixed promotion off each unit', () => {
    const cart = priceCart({
      lines: [line(LAMP, 4000, 3)],
      promotions: [promotion('p1', 'PRODUCT', LAMP, fixed(500))],
    });

    expect(cart.lines[0]).toMatchObject({ listTotal: 12_000, total: 10_500 });
  });

  it('never takes more than the unit price off a unit', () => {
    const cart = priceCart({
      lines: [line(LAMP, 300, 2)],
      promotions: [promotion('p1', 'PRODUCT', LAMP, fixed(500))],
    });

    expect(cart.lines[0]).toMatchObject({ listTotal: 600, total: 0 });
    expect(cart.total).toBe(0);
  });

  it('applies only the best of the product and category promotions of a line', () => {
    const cart = priceCart({
      lines: [line(BOOK, 2000, 3, 'books')],
      promotions: [
        promotion('product-5', 'PRODUCT', BOOK, percent(5)),
        promotion('books-10', 'CATEGORY', 'books', percent(10)),
        promotion('toys-50', 'CATEGORY', 'toys', percent(50)),
      ],
    });

    expect(discountsOf(cart)).toEqual([[['books-10', 600]]]);
  });

  it('breaks a tie by the lower promotion id, whatever the order of the promotions', () => {
    const a = promotion('a', 'PRODUCT', BOOK, fixed(100));
    const b = promotion('b', 'CATEGORY', 'books', percent(10));
    const lines = [line(BOOK, 1000)];

    expect(discountsOf(priceCart({ lines, promotions: [a, b] }))).toEqual([[['a', 100]]]);
    expect(discountsOf(priceCart({ lines, promotions: [b, a] }))).toEqual([[['a', 100]]]);
  });

  it('applies the best cart promotion to the subtotal after line discounts', () => {
    const cart = priceCart({
      lines: [line(BOOK, 10_000)],
      promotions: [
        promotion('books-half', 'CATEGORY', 'books', percent(50)),
        promotion('cart-10', 'CART', null, percent(10)),
        promotion('cart-300', 'CART', null, fixed(300)),
      ],
    });

    expect(cart.subtotal).toBe(5000);
    expect(cart.cartDiscounts).toEqual([
      { promotionId: 'cart-10', description: 'promotion cart-10', amount: 500 },
    ]);
    expect(cart.total).toBe(4500);
  });

  it('applies a cart promotion from its minimum subtotal on', () => {
    const fivePercentFrom100 = promotion('cart-5', 'CART', null, percent(5), 10_000);

    const atThreshold = priceCart({
      lines: [line(BOOK, 10_000)],
      promotions: [fivePercentFrom100],
    });
    const below = priceCart({ lines: [line(BOOK, 9_999)], promotions: [fivePercentFrom100] });

    expect(atThreshold.cartDiscounts.map((d) => d.amount)).toEqual([500]);
    expect(below.cartDiscounts).toEqual([]);
  });

  it('applies the coupon to what remains after the cart discount', () => {
    const cart = priceCart({
      lines: [line(BOOK, 2000, 3, 'books'), line(LAMP, 4550, 1, 'home')],
      promotions: [
        promotion('books-10', 'CATEGORY', 'books', percent(10)),
        promotion('lamp-5eur', 'PRODUCT', LAMP, fixed(500)),
        promotion('cart-5', 'CART', null, percent(5), 10_000),
        promotion('cart-10eur', 'CART', null, fixed(1000)),
      ],
      coupon: { code: 'WELCOME10', discount: percent(10) },
    });

    expect(discountsOf(cart)).toEqual([[['books-10', 600]], [['lamp-5eur', 500]]]);
    expect(cart.subtotal).toBe(9450); // below the 5 % promotion's threshold
    expect(cart.cartDiscounts.map((d) => [d.promotionId, d.amount])).toEqual([
      ['cart-10eur', 1000],
    ]);
    expect(cart.coupon).toEqual({ code: 'WELCOME10', amount: 845 }); // 10 % of 8450
    expect(cart.discountTotal).toBe(600 + 500 + 1000 + 845);
    expect(cart.total).toBe(10_550 - 2945);
  });

  it('never takes a fixed coupon beyond what remains', () => {
    const cart = priceCart({
      lines: [line(BOOK, 350)],
      promotions: [],
      coupon: { code: 'SAVE5', discount: fixed(500) },
    });

    expect(cart.coupon).toEqual({ code: 'SAVE5', amount: 350 });
    expect(cart.total).toBe(0);
  });

  it('ignores fixed amounts and thresholds in another currency', () => {
    const cart = priceCart({
      lines: [line(BOOK, 10_000)],
      promotions: [
        promotion('usd-off', 'PRODUCT', BOOK, fixed(500, 'USD')),
        {
          ...promotion('usd-threshold', 'CART', null, percent(50)),
          minimumSubtotal: { amount: 1, currency: 'USD' },
        },
      ],
    });

    expect(cart.discountTotal).toBe(0);
  });

  it('refuses a cart whose lines are priced in different currencies', () => {
    const dollars: CartLine = { ...line(LAMP, 100), unitPrice: { amount: 100, currency: 'USD' } };

    const act = () => priceCart({ lines: [line(BOOK, 100), dollars], promotions: [] });

    expect(act).toThrow(DomainError);
    expect(act).toThrow(expect.objectContaining({ code: 'PROMOTION.MIXED_CURRENCIES' }));
  });

  it('refuses a fixed coupon in another currency than the cart', () => {
    const act = () =>
      priceCart({
        lines: [line(BOOK, 1000)],
        promotions: [],
        coupon: { code: 'SAVE5USD', discount: fixed(500, 'USD') },
      });

    expect(act).toThrow(expect.objectContaining({ code: 'PROMOTION.COUPON_CURRENCY_MISMATCH' }));
  });
});
