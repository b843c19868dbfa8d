import type { Quote } from '#libs/contracts';
import { InvalidOrder } from '../domain/invalid-order.error.js';
import { orderFromQuote } from './order-from-quote.js';

const ORDER_ID = '5b1f0e8e-8f5c-4a43-9d0e-6f1a3c1e2b01';
const SHOES = 'a0000000-0000-4000-8000-000000000001';
const SOCKS = 'a0000000-0000-4000-8000-000000000002';
const SHOE_SALE = 'b0000000-0000-4000-8000-000000000001';
const CART_SALE = 'b0000000-0000-4000-8000-000000000002';
const eur = (amount: number) => ({ amount, currency: 'EUR' });

const request = {
  customerId: 'alice',
  items: [
    { productId: SHOES, quantity: 2 },
    { productId: SOCKS, quantity: 3 },
  ],
  couponCode: 'WELCOME10',
};

/** Shoes 2 × 50.00 with 10.00 off, socks 3 × 4.00, 5.00 off the cart, a 2.00 coupon: 95.00. */
function quote(overrides: Partial<Quote> = {}): Quote {
  return {
    currency: 'EUR',
    lines: [
      {
        productId: SOCKS,
        quantity: 3,
        unitPrice: eur(400),
        listTotal: eur(1_200),
        discounts: [],
        total: eur(1_200),
      },
      {
        productId: SHOES,
        quantity: 2,
        unitPrice: eur(5_000),
        listTotal: eur(10_000),
        discounts: [{ promotionId: SHOE_SALE, description: 'Shoe sale', amount: eur(1_000) }],
        total: eur(9_000),
      },
    ],
    subtotal: eur(10_200),
    cartDiscounts: [{ promotionId: CART_SALE, description: '5 off', amount: eur(500) }],
    coupon: { code: 'WELCOME10', amount: eur(200) },
    discountTotal: eur(1_700),
    total: eur(9_500),
    ...overrides,
  };
}

describe('orderFromQuote', () => {
  it('takes unit prices from the quote, in the order the customer listed the items', () => {
    const order = orderFromQuote(ORDER_ID, request, quote()).toSnapshot();
    expect(order.lines).toEqual([
      { productId: SHOES, quantity: 2, unitPrice: eur(5_000), total: eur(10_000) },
      { productId: SOCKS, quantity: 3, unitPrice: eur(400), total: eur(1_200) },
    ]);
  });

  it('keeps every discount the quote granted, and pays exactly the quoted total', () => {
    const order = orderFromQuote(ORDER_ID, request, quote()).toSnapshot();
    expect(order.discounts).toEqual([
      { description: 'Shoe sale', amount: eur(1_000), promotionId: SHOE_SALE, productId: SHOES },
      { description: '5 off', amount: eur(500), promotionId: CART_SALE, productId: null },
      { description: 'Coupon WELCOME10', amount: eur(200), promotionId: null, productId: null },
    ]);
    expect(order).toMatchObject({
      status: 'PENDING',
      couponCode: 'WELCOME10',
      subtotal: eur(11_200),
      discountTotal: eur(1_700),
      total: eur(9_500),
    });
  });

  it('refuses a quote that leaves out an item', () => {
    const [socks] = quote().lines;
    expect(() => orderFromQuote(ORDER_ID, request, quote({ lines: [socks!] }))).toThrow(
      new InvalidOrder(`the quote does not price 2 × ${SHOES}`),
    );
  });

  it('refuses a quote for another quantity', () => {
    const lines = quote().lines.map((line) => ({ ...line, quantity: line.quantity + 1 }));
    expect(() => orderFromQuote(ORDER_ID, request, quote({ lines }))).toThrow(InvalidOrder);
  });

  it('refuses a quote that prices products nobody ordered', () => {
    const onlyShoes = { ...request, items: [request.items[0]!] };
    expect(() => orderFromQuote(ORDER_ID, onlyShoes, quote())).toThrow(/not ordered/);
  });

  it('refuses a quote whose total is not what its figures add up to', () => {
    expect(() => orderFromQuote(ORDER_ID, request, quote({ total: eur(9_000) }))).toThrow(
      /total is 9000 EUR, its figures make 9500 EUR/,
    );
  });
});
