import { randomUUID } from 'node:crypto';
import { isolatedDatabase } from '../../../../test/support/isolated-database.js';
import { euros, type PromotionTestApp, startPromotionApp } from '../../test/promotion-test-app.js';

const SEEDED_CART_PROMOTION = '5eed0000-0000-4000-8000-000000000020';

describe('promotions on real PostgreSQL', () => {
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

  const createPromotion = (fields: Record<string, unknown>) =>
    app.post('/promotions', { description: 'test promotion', percentOff: 10, ...fields });

  it('creates a promotion, reads it back and announces it', async () => {
    const categoryId = `test-${randomUUID()}`;

    const created = await createPromotion({
      description: '€2 off test things',
      scope: 'CATEGORY',
      targetId: categoryId,
      percentOff: undefined,
      amountOff: euros(200),
      validFrom: '2026-01-01T00:00:00+01:00',
      validUntil: '2099-01-01T00:00:00Z',
    });
    const read = await app.get(`/promotions/${created.body.id}`);

    const expected = {
      id: expect.any(String),
      description: '€2 off test things',
      scope: 'CATEGORY',
      targetId: categoryId,
      percentOff: null,
      amountOff: euros(200),
      minimumSubtotal: null,
      validFrom: '2025-12-31T23:00:00.000Z',
      validUntil: '2099-01-01T00:00:00.000Z',
      active: true,
    };
    expect(created).toMatchObject({ status: 201, body: expected });
    expect(read).toMatchObject({ status: 200, body: created.body });
    expect(await app.outbox('PromotionChanged', created.body.id)).toEqual([
      {
        payload: {
          promotionId: created.body.id,
          active: true,
          scope: 'CATEGORY',
          targetId: categoryId,
        },
      },
    ]);
  });

  it('lists the promotions in effect for a product: its own, its category’s, then the cart’s', async () => {
    const product = await app.knowProduct({ price: euros(1000) });
    const other = await app.knowProduct();
    const own = await createPromotion({ scope: 'PRODUCT', targetId: product.productId });
    const category = await createPromotion({ scope: 'CATEGORY', targetId: product.categoryId });
    // None of these can apply to the product now.
    await createPromotion({ scope: 'PRODUCT', targetId: other.productId });
    await createPromotion({ scope: 'CATEGORY', targetId: other.categoryId });
    await createPromotion({ scope: 'PRODUCT', targetId: product.productId, active: false });
    await createPromotion({
      scope: 'PRODUCT',
      targetId: product.productId,
      validFrom: '2099-01-01T00:00:00Z',
    });
    await createPromotion({
      scope: 'PRODUCT',
      targetId: product.productId,
      percentOff: undefined,
      amountOff: { amount: 100, currency: 'USD' },
    });

    const response = await app.get(`/promotions?productId=${product.productId}`);

    expect(response.status).toBe(200);
    expect(response.body.productId).toBe(product.productId);
    expect(response.body.items.map((p: { id: string; scope: string }) => [p.id, p.scope])).toEqual([
      [own.body.id, 'PRODUCT'],
      [category.body.id, 'CATEGORY'],
      [SEEDED_CART_PROMOTION, 'CART'],
    ]);
  });

  it('answers 404 for a product pricing does not know', async () => {
    const response = await app.get(`/promotions?productId=${randomUUID()}`);

    expect(response.status).toBe(404);
    expect(response.body.code).toBe('PROMOTION.UNKNOWN_PRODUCT');
  });

  it.each([
    ['without a product id', '/promotions'],
    ['with a product id that is not a uuid', '/promotions?productId=p-1'],
  ])('answers 400 naming query.productId when listing %s', async (_, path) => {
    const response = await app.get(path);

    expect(response.status).toBe(400);
    expect(response.body.errors.map((e: { field: string }) => e.field)).toEqual([
      'query.productId',
    ]);
  });

  it.each([
    ['both discounts', { scope: 'CART', amountOff: euros(100) }, 'body.percentOff'],
    ['a target on a CART promotion', { scope: 'CART', targetId: 'books' }, 'body.targetId'],
    ['no target on a CATEGORY promotion', { scope: 'CATEGORY' }, 'body.targetId'],
    ['a PRODUCT target that is not a uuid', { scope: 'PRODUCT', targetId: 'p-1' }, 'body.targetId'],
    [
      'a CATEGORY target that is not a slug',
      { scope: 'CATEGORY', targetId: 'Books!' },
      'body.targetId',
    ],
    ['an unknown field', { scope: 'CART', minimumTotal: euros(100) }, 'body'],
    [
      'a minimum subtotal outside CART',
      { scope: 'CATEGORY', targetId: 'books', minimumSubtotal: euros(100) },
      'body.minimumSubtotal',
    ],
    [
      'a window that ends before it starts',
      { scope: 'CART', validFrom: '2026-02-01T00:00:00Z', validUntil: '2026-01-01T00:00:00Z' },
      'body.validUntil',
    ],
    ['an unknown scope', { scope: 'SHOP' }, 'body.scope'],
  ])('answers 400 naming the field for %s', async (_, fields, field) => {
    const response = await createPromotion(fields);

    expect(response.status).toBe(400);
    expect(response.body.errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  it('answers 422 for a promotion that would end before it starts, starting now', async () => {
    const response = await createPromotion({ scope: 'CART', validUntil: '2020-01-01T00:00:00Z' });

    expect(response.status).toBe(422);
    expect(response.body.code).toBe('PROMOTION.EMPTY_VALIDITY_WINDOW');
  });

  it('answers 404 for an unknown promotion and 400 for a malformed id', async () => {
    const unknown = await app.get(`/promotions/${randomUUID()}`);
    const malformed = await app.get('/promotions/not-a-uuid');

    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('PROMOTION.UNKNOWN_PROMOTION');
    expect(malformed.status).toBe(400);
    expect(malformed.body.errors.map((e: { field: string }) => e.field)).toEqual(['param.id']);
  });
});
