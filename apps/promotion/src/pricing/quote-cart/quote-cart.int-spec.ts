import { randomUUID } from 'node:crypto';
import { isolatedDatabase } from '../../../../../test/support/isolated-database.js';
import {
  euros,
  type PromotionTestApp,
  startPromotionApp,
  uniqueCode,
} from '../../../test/promotion-test-app.js';

/**
 * Quotes over HTTP. Every test prices products and categories of its own; the one cart-wide
 * promotion in play is the seeded "5% off carts of €100 or more".
 */
describe('quoting a cart on real PostgreSQL', () => {
  let database: Awaited<ReturnType<typeof isolatedDatabase>>;
  let app: PromotionTestApp;

  beforeAll(async () => {
    database = await isolatedDatabase([]);
    app = await startPromotionApp(database.url);
  }, 60_000);

  afterAll(async () => {
    await app?.close();
    await database?.close();
  }, 30_000);

  async function createPromotion(fields: Record<string, unknown>): Promise<string> {
    const created = await app.post('/promotions', { description: 'test promotion', ...fields });
    expect(created.status).toBe(201);
    return created.body.id;
  }

  async function createCoupon(fields: Record<string, unknown> = {}): Promise<string> {
    const code = uniqueCode('Q');
    const created = await app.post('/coupons', {
      code,
      percentOff: 10,
      maxRedemptions: 5,
      ...fields,
    });
    expect(created.status).toBe(201);
    return code;
  }

  const quote = (body: unknown) => app.post('/quotes', body);
  const fieldsOf = (response: { body: { errors?: { field: string }[] } }) =>
    response.body.errors?.map((error) => error.field);

  it('prices every level: line promotions, the cart promotion, then the coupon', async () => {
    const book = await app.knowProduct({ price: euros(2000) });
    const lamp = await app.knowProduct({ price: euros(4550) });
    const booksTenOff = await createPromotion({
      description: '10% off test books',
      scope: 'CATEGORY',
      targetId: book.categoryId,
      percentOff: 10,
    });
    const lampFiveOff = await createPromotion({
      description: '€5 off the lamp',
      scope: 'PRODUCT',
      targetId: lamp.productId,
      amountOff: euros(500),
    });
    const coupon = await createCoupon({ percentOff: 10 });

    const response = await quote({
      lines: [
        { productId: book.productId, quantity: 3 },
        { productId: lamp.productId, quantity: 2 },
      ],
      couponCode: coupon.toLowerCase(),
    });

    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      currency: 'EUR',
      lines: [
        {
          productId: book.productId,
          quantity: 3,
          unitPrice: euros(2000),
          listTotal: euros(6000),
          discounts: [
            { promotionId: booksTenOff, description: '10% off test books', amount: euros(600) },
          ],
          total: euros(5400),
        },
        {
          productId: lamp.productId,
          quantity: 2,
          unitPrice: euros(4550),
          listTotal: euros(9100),
          discounts: [
            { promotionId: lampFiveOff, description: '€5 off the lamp', amount: euros(1000) },
          ],
          total: euros(8100),
        },
      ],
      subtotal: euros(13_500),
      cartDiscounts: [
        {
          promotionId: '5eed0000-0000-4000-8000-000000000020',
          description: '5% off carts of €100 or more',
          amount: euros(675),
        },
      ],
      coupon: { code: coupon, amount: euros(1283) }, // 10% of 12 825, rounded half up
      discountTotal: euros(600 + 1000 + 675 + 1283),
      total: euros(11_542),
    });
  });

  it('refuses a price sent by the caller: it prices from the list prices it knows', async () => {
    const product = await app.knowProduct({ price: euros(2500) });

    const response = await quote({
      lines: [{ productId: product.productId, quantity: 1, unitPrice: euros(1) }],
    });

    expect(response.status).toBe(400);
    expect(response.body.detail).toContain('unitPrice');
    expect(fieldsOf(response)).toEqual(['body.lines.0']);
  });

  it('leaves out promotions that are inactive, not yet started or over', async () => {
    const product = await app.knowProduct({ price: euros(1000) });
    const target = { scope: 'PRODUCT', targetId: product.productId };
    await createPromotion({ ...target, percentOff: 50, active: false });
    await createPromotion({ ...target, percentOff: 60, validFrom: '2099-01-01T00:00:00Z' });
    await createPromotion({
      ...target,
      percentOff: 70,
      validFrom: '2020-01-01T00:00:00Z',
      validUntil: '2021-01-01T00:00:00Z',
    });

    const response = await quote({ lines: [{ productId: product.productId, quantity: 1 }] });

    expect(response.body.lines[0].discounts).toEqual([]);
    expect(response.body.total).toEqual(euros(1000));
  });

  it('refuses products it does not know with 422 naming them', async () => {
    const known = await app.knowProduct();
    const unknown = randomUUID();

    const response = await quote({
      lines: [
        { productId: known.productId, quantity: 1 },
        { productId: unknown, quantity: 1 },
      ],
    });

    expect(response.status).toBe(422);
    expect(response.body.code).toBe('PROMOTION.UNKNOWN_PRODUCT');
    expect(response.body.detail).toContain(unknown);
  });

  it('refuses a cart in two currencies with 422', async () => {
    const inEuros = await app.knowProduct({ price: euros(1000) });
    const inDollars = await app.knowProduct({ price: { amount: 1000, currency: 'USD' } });

    const response = await quote({
      lines: [
        { productId: inEuros.productId, quantity: 1 },
        { productId: inDollars.productId, quantity: 1 },
      ],
    });

    expect(response.status).toBe(422);
    expect(response.body.code).toBe('PROMOTION.MIXED_CURRENCIES');
  });

  describe('with a coupon it cannot apply', () => {
    const cartOf = async () => [{ productId: (await app.knowProduct()).productId, quantity: 1 }];

    it('answers 422 for an unknown coupon', async () => {
      const response = await quote({ lines: await cartOf(), couponCode: uniqueCode('none') });

      expect(response.status).toBe(422);
      expect(response.body.code).toBe('PROMOTION.COUPON_UNKNOWN');
    });

    it('answers 422 for an expired coupon', async () => {
      const response = await quote({ lines: await cartOf(), couponCode: 'EXPIRED15' });

      expect(response.status).toBe(422);
      expect(response.body.code).toBe('PROMOTION.COUPON_EXPIRED');
    });

    it('answers 409 for a coupon whose redemptions are all held', async () => {
      const code = await createCoupon({ maxRedemptions: 1 });
      await app.post(`/coupons/${code}/redemptions`, { orderId: randomUUID(), customerId: 'x' });

      const response = await quote({ lines: await cartOf(), couponCode: code });

      expect(response.status).toBe(409);
      expect(response.body.code).toBe('PROMOTION.COUPON_EXHAUSTED');
    });

    it('answers 409 when the named customer has used it up, and prices it for others', async () => {
      const code = await createCoupon({ perCustomerLimit: 1 });
      await app.post(`/coupons/${code}/redemptions`, { orderId: randomUUID(), customerId: 'dan' });
      const lines = await cartOf();

      const forDan = await quote({ lines, couponCode: code, customerId: 'dan' });
      const forErin = await quote({ lines, couponCode: code, customerId: 'erin' });

      expect(forDan.status).toBe(409);
      expect(forDan.body.code).toBe('PROMOTION.COUPON_CUSTOMER_LIMIT');
      expect(forErin.body.coupon).toEqual({ code, amount: euros(100) });
    });

    it('answers 422 for a fixed coupon in another currency', async () => {
      const code = await createCoupon({ percentOff: undefined, amountOff: euros(100) });
      const inDollars = await app.knowProduct({ price: { amount: 1000, currency: 'USD' } });

      const response = await quote({
        lines: [{ productId: inDollars.productId, quantity: 1 }],
        couponCode: code,
      });

      expect(response.status).toBe(422);
      expect(response.body.code).toBe('PROMOTION.COUPON_CURRENCY_MISMATCH');
    });
  });

  it.each([
    ['no lines at all', {}, ['body.lines']],
    ['an empty cart', { lines: [] }, ['body.lines']],
    [
      'a product id that is not a uuid',
      { lines: [{ productId: 'p-1', quantity: 1 }] },
      ['body.lines.0.productId'],
    ],
    [
      'a quantity of zero',
      { lines: [{ productId: randomUUID(), quantity: 0 }] },
      ['body.lines.0.quantity'],
    ],
    [
      'a fractional quantity',
      { lines: [{ productId: randomUUID(), quantity: 1.5 }] },
      ['body.lines.0.quantity'],
    ],
    [
      'the same product on two lines',
      {
        lines: [0, 1].map(() => ({
          productId: '00000000-0000-4000-8000-000000000001',
          quantity: 1,
        })),
      },
      ['body.lines'],
    ],
    [
      'a malformed coupon code',
      { lines: [{ productId: randomUUID(), quantity: 1 }], couponCode: 'no!' },
      ['body.couponCode'],
    ],
  ])('answers 400 naming the field for %s', async (_, body, fields) => {
    const response = await quote(body);

    expect(response.status).toBe(400);
    expect(response.contentType).toContain('application/problem+json');
    expect(fieldsOf(response)).toEqual(fields);
  });
});
