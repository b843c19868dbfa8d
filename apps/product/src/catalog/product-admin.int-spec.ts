import { isolatedDatabase } from '../../../../test/support/isolated-database.js';
import { outboxEvents } from '../../test/outbox-events.js';
import { type ProductTestApp, startProductApp, uniqueSku } from '../../test/product-test-app.js';

const UNKNOWN_ID = '7d1c1c8e-0000-4000-8000-000000000000';

describe('administering products', () => {
  let database: Awaited<ReturnType<typeof isolatedDatabase>>;
  let app: ProductTestApp;

  beforeAll(async () => {
    database = await isolatedDatabase([]);
    app = await startProductApp(database.url);
  }, 60_000);

  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  const newProduct = (overrides: Record<string, unknown> = {}) => ({
    sku: uniqueSku(),
    name: 'Trail Lantern',
    description: 'A rechargeable lantern for the campsite.',
    categoryId: 'sports-outdoors',
    price: { amount: 2499, currency: 'EUR' },
    initialStock: 12,
    attributes: { color: 'Orange' },
    imageUrl: 'https://picsum.photos/seed/lantern/400/400',
    ...overrides,
  });

  async function created(overrides: Record<string, unknown> = {}) {
    const { status, body } = await app.post('/products', newProduct(overrides));
    expect(status).toBe(201);
    return body;
  }

  const productsWithSku = async (sku: string) =>
    (await app.dataSource.query('SELECT id FROM products WHERE sku = $1', [sku])).length;

  describe('creating', () => {
    it('adds the product with its stock and announces it', async () => {
      const request = newProduct();
      const { status, body } = await app.post('/products', request);

      expect(status).toBe(201);
      expect(body).toEqual({
        id: expect.any(String),
        sku: request.sku,
        name: 'Trail Lantern',
        description: request.description,
        categoryId: 'sports-outdoors',
        categoryName: 'Sports & Outdoors',
        price: { amount: 2499, currency: 'EUR' },
        attributes: { color: 'Orange' },
        imageUrl: request.imageUrl,
        availableStock: 12,
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
      });
      expect((await app.get(`/products/${body.id}`)).body).toEqual(body);
      expect((await app.get(`/inventory/${body.id}`)).body).toEqual({
        productId: body.id,
        onHand: 12,
        reserved: 0,
        available: 12,
        sold: 0,
        received: 12,
      });
      const events = await outboxEvents(app.dataSource, 'ProductCreated', body.id);
      expect(events.map((event) => event.payload)).toEqual([
        {
          productId: body.id,
          sku: request.sku,
          name: 'Trail Lantern',
          description: request.description,
          categoryId: 'sports-outdoors',
          price: { amount: 2499, currency: 'EUR' },
          imageUrl: request.imageUrl,
          attributes: { color: 'Orange' },
        },
      ]);
    });

    it('defaults to no attributes and no image', async () => {
      const bare: Record<string, unknown> = newProduct();
      delete bare.attributes;
      delete bare.imageUrl;
      const { status, body } = await app.post('/products', bare);
      expect(status).toBe(201);
      expect(body).toMatchObject({ attributes: {}, imageUrl: null });
    });

    it('refuses a SKU another product has with 409 PRODUCT.SKU_TAKEN and writes nothing', async () => {
      const first = await created();
      const { status, body } = await app.post('/products', newProduct({ sku: first.sku }));
      expect(status).toBe(409);
      expect(body.code).toBe('PRODUCT.SKU_TAKEN');
      expect(await productsWithSku(first.sku)).toBe(1);
    });

    it('refuses an unknown category with 422 PRODUCT.UNKNOWN_CATEGORY and writes nothing', async () => {
      const request = newProduct({ categoryId: 'garden' });
      const { status, body } = await app.post('/products', request);
      expect(status).toBe(422);
      expect(body.code).toBe('PRODUCT.UNKNOWN_CATEGORY');
      expect(await productsWithSku(request.sku)).toBe(0);
    });

    it('refuses an invalid product with a 400 naming each bad field', async () => {
      const { status, contentType, body } = await app.post('/products', {
        ...newProduct({ sku: 'lower-case', initialStock: -1, price: { amount: 12.5 } }),
        color: 'Orange',
      });
      expect(status).toBe(400);
      expect(contentType).toContain('application/problem+json');
      expect(body.errors.map((error: { field: string }) => error.field).sort()).toEqual([
        'body',
        'body.initialStock',
        'body.price.amount',
        'body.price.currency',
        'body.sku',
      ]);
    });

    it('writes the product and its ProductCreated event together or not at all', async () => {
      // Make the outbox refuse the event: the product insert before it must roll back too.
      await app.dataSource.query(`ALTER TABLE outbox_messages ADD CONSTRAINT refuse_created
        CHECK (event_type <> 'ProductCreated') NOT VALID`);
      const request = newProduct();
      try {
        expect((await app.post('/products', request)).status).toBe(500);
      } finally {
        await app.dataSource.query('ALTER TABLE outbox_messages DROP CONSTRAINT refuse_created');
      }
      expect(await productsWithSku(request.sku)).toBe(0);

      const { status, body } = await app.post('/products', request);
      expect(status).toBe(201);
      expect(await outboxEvents(app.dataSource, 'ProductCreated', body.id)).toHaveLength(1);
    });
  });

  describe('updating', () => {
    it('changes the given fields, keeps the rest, and announces the whole new state', async () => {
      const product = await created();
      const { status, body } = await app.patch(`/products/${product.id}`, {
        name: 'Storm Lantern',
        attributes: { color: 'Slate', battery: '5000 mAh' },
        imageUrl: null,
      });

      expect(status).toBe(200);
      expect(body).toMatchObject({
        name: 'Storm Lantern',
        description: product.description,
        attributes: { color: 'Slate', battery: '5000 mAh' },
        imageUrl: null,
        price: product.price,
      });
      expect(Date.parse(body.updatedAt)).toBeGreaterThan(Date.parse(product.updatedAt));
      const events = await outboxEvents(app.dataSource, 'ProductUpdated', product.id);
      expect(events.map((event) => event.payload)).toEqual([
        expect.objectContaining({ name: 'Storm Lantern', imageUrl: null, sku: product.sku }),
      ]);
    });

    it('moves a product to another category', async () => {
      const product = await created();
      const { body } = await app.patch(`/products/${product.id}`, { categoryId: 'toys-games' });
      expect(body).toMatchObject({ categoryId: 'toys-games', categoryName: 'Toys & Games' });
    });

    it('refuses a move to an unknown category with 422 and changes nothing', async () => {
      const product = await created();
      const { status, body } = await app.patch(`/products/${product.id}`, {
        name: 'Renamed',
        categoryId: 'garden',
      });
      expect(status).toBe(422);
      expect(body.code).toBe('PRODUCT.UNKNOWN_CATEGORY');
      expect((await app.get(`/products/${product.id}`)).body.name).toBe(product.name);
      expect(await outboxEvents(app.dataSource, 'ProductUpdated', product.id)).toEqual([]);
    });

    it('refuses an empty change, or a price sent through it, with a 400', async () => {
      const product = await created();
      expect((await app.patch(`/products/${product.id}`, {})).status).toBe(400);
      const { status, body } = await app.patch(`/products/${product.id}`, {
        price: { amount: 1, currency: 'EUR' },
      });
      expect(status).toBe(400);
      expect(body.errors).toContainEqual({
        field: 'body',
        message: expect.stringContaining('price'),
      });
    });

    it('answers 404 PRODUCT.NOT_FOUND for an unknown product', async () => {
      const { status, body } = await app.patch(`/products/${UNKNOWN_ID}`, { name: 'Ghost' });
      expect(status).toBe(404);
      expect(body.code).toBe('PRODUCT.NOT_FOUND');
    });
  });

  describe('changing the price', () => {
    it('sets the new price and announces it with the previous one', async () => {
      const product = await created();
      const { status, body } = await app.put(`/products/${product.id}/price`, {
        price: { amount: 1999, currency: 'EUR' },
      });
      expect(status).toBe(200);
      expect(body.price).toEqual({ amount: 1999, currency: 'EUR' });
      const events = await outboxEvents(app.dataSource, 'ProductPriceChanged', product.id);
      expect(events.map((event) => event.payload)).toEqual([
        {
          productId: product.id,
          previousPrice: { amount: 2499, currency: 'EUR' },
          price: { amount: 1999, currency: 'EUR' },
        },
      ]);
    });

    it('announces nothing when the price is what it was', async () => {
      const product = await created();
      const { status } = await app.put(`/products/${product.id}/price`, { price: product.price });
      expect(status).toBe(200);
      expect(await outboxEvents(app.dataSource, 'ProductPriceChanged', product.id)).toEqual([]);
    });

    it('refuses a malformed price with a 400 and an unknown product with a 404', async () => {
      const product = await created();
      const malformed = await app.put(`/products/${product.id}/price`, {
        price: { amount: -1, currency: 'eur' },
      });
      expect(malformed.status).toBe(400);
      expect(malformed.body.errors.map((error: { field: string }) => error.field)).toEqual([
        'body.price.amount',
        'body.price.currency',
      ]);
      const unknown = await app.put(`/products/${UNKNOWN_ID}/price`, { price: product.price });
      expect(unknown.status).toBe(404);
    });
  });

  describe('restocking', () => {
    it('adds the units to the available stock and counts them as received', async () => {
      const product = await created({ initialStock: 2 });
      const { status, body } = await app.post(`/products/${product.id}/restock`, { quantity: 5 });
      expect(status).toBe(200);
      expect(body).toEqual({
        productId: product.id,
        onHand: 7,
        reserved: 0,
        available: 7,
        sold: 0,
        received: 7,
      });
      expect((await app.get(`/products/${product.id}`)).body.availableStock).toBe(7);
    });

    it('refuses a quantity that is not positive with a 400 naming it', async () => {
      const product = await created();
      const { status, body } = await app.post(`/products/${product.id}/restock`, {
        quantity: 0,
      });
      expect(status).toBe(400);
      expect(body.errors).toEqual([expect.objectContaining({ field: 'body.quantity' })]);
    });

    it('answers 404 PRODUCT.NOT_FOUND for an unknown product, also for its stock levels', async () => {
      const restock = await app.post(`/products/${UNKNOWN_ID}/restock`, { quantity: 1 });
      expect(restock.status).toBe(404);
      expect(restock.body.code).toBe('PRODUCT.NOT_FOUND');
      expect((await app.get(`/inventory/${UNKNOWN_ID}`)).status).toBe(404);
    });
  });
});
