import { randomUUID } from 'node:crypto';
import { isolatedDatabase } from '../../../../test/support/isolated-database.js';
import { outboxEvents } from '../../test/outbox-events.js';
import { type ProductTestApp, startProductApp, uniqueSku } from '../../test/product-test-app.js';

describe('stock reservations', () => {
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

  /** A fresh product holding `stock` units; its id. */
  async function productWithStock(stock: number): Promise<string> {
    const { status, body } = await app.post('/products', {
      sku: uniqueSku(),
      name: 'Reservation Test Kettle',
      description: 'Boils water for tests.',
      categoryId: 'home-kitchen',
      price: { amount: 3999, currency: 'EUR' },
      initialStock: stock,
    });
    expect(status).toBe(201);
    return body.id;
  }

  const levels = async (productId: string) => (await app.get(`/inventory/${productId}`)).body;
  const reserve = (orderId: string, lines: { productId: string; quantity: number }[]) =>
    app.post('/stock-reservations', { orderId, lines });
  const release = (orderId: string) => app.post(`/stock-reservations/${orderId}/release`);
  const commit = (orderId: string) => app.post(`/stock-reservations/${orderId}/commit`);
  const events = (type: string, orderId: string) => outboxEvents(app.dataSource, type, orderId);

  describe('reserving', () => {
    it('sets the units aside and announces StockReserved', async () => {
      const productId = await productWithStock(5);
      const orderId = randomUUID();
      const { status, body } = await reserve(orderId, [{ productId, quantity: 2 }]);

      expect(status).toBe(201);
      expect(body).toEqual({ orderId, status: 'RESERVED', lines: [{ productId, quantity: 2 }] });
      expect(await levels(productId)).toMatchObject({ onHand: 5, reserved: 2, available: 3 });
      expect((await app.get(`/products/${productId}`)).body.availableStock).toBe(3);
      expect((await events('StockReserved', orderId)).map((event) => event.payload)).toEqual([
        { orderId, lines: [{ productId, quantity: 2 }] },
      ]);
      expect((await app.get(`/stock-reservations/${orderId}`)).body).toEqual(body);
    });

    it('answers a repeat for the same order with the same reservation, never reserving twice', async () => {
      const productId = await productWithStock(5);
      const orderId = randomUUID();
      const first = await reserve(orderId, [{ productId, quantity: 2 }]);
      const repeat = await reserve(orderId, [{ productId, quantity: 2 }]);

      expect(repeat.status).toBe(200);
      expect(repeat.body).toEqual(first.body);
      expect(await levels(productId)).toMatchObject({ reserved: 2, available: 3 });
      expect(await events('StockReserved', orderId)).toHaveLength(1);
    });

    it('reserves all lines or none, refusing with 409 PRODUCT.OUT_OF_STOCK naming the short products', async () => {
      const plenty = await productWithStock(10);
      const scarce = await productWithStock(1);
      const orderId = randomUUID();
      const { status, body } = await reserve(orderId, [
        { productId: plenty, quantity: 3 },
        { productId: scarce, quantity: 2 },
      ]);

      expect(status).toBe(409);
      expect(body.code).toBe('PRODUCT.OUT_OF_STOCK');
      expect(body.detail).toContain(scarce);
      expect(body.detail).not.toContain(plenty);
      expect(await levels(plenty)).toMatchObject({ reserved: 0, available: 10 });
      expect(await levels(scarce)).toMatchObject({ reserved: 0, available: 1 });
      expect((await events('StockReservationFailed', orderId)).map((e) => e.payload)).toEqual([
        { orderId, reason: 'OUT_OF_STOCK', productIds: [scarce] },
      ]);
    });

    it('gives a refused order the same answer on every retry, even after a restock', async () => {
      const productId = await productWithStock(1);
      const orderId = randomUUID();
      expect((await reserve(orderId, [{ productId, quantity: 2 }])).status).toBe(409);
      await app.post(`/products/${productId}/restock`, { quantity: 5 });

      const retry = await reserve(orderId, [{ productId, quantity: 2 }]);
      expect(retry.status).toBe(409);
      expect(retry.body.code).toBe('PRODUCT.OUT_OF_STOCK');
      expect(await levels(productId)).toMatchObject({ reserved: 0, available: 6 });
      expect(await events('StockReservationFailed', orderId)).toHaveLength(1);
      expect((await app.get(`/stock-reservations/${orderId}`)).body).toMatchObject({
        status: 'FAILED',
        failure: { reason: 'OUT_OF_STOCK', productIds: [productId] },
      });
    });

    it('refuses a product that does not exist with 422 PRODUCT.UNKNOWN_PRODUCT', async () => {
      const known = await productWithStock(3);
      const unknown = randomUUID();
      const { status, body } = await reserve(randomUUID(), [
        { productId: known, quantity: 1 },
        { productId: unknown, quantity: 1 },
      ]);
      expect(status).toBe(422);
      expect(body.code).toBe('PRODUCT.UNKNOWN_PRODUCT');
      expect(body.detail).toContain(unknown);
      expect(await levels(known)).toMatchObject({ reserved: 0 });
    });

    it('refuses a repeat with different lines with 409 PRODUCT.RESERVATION_MISMATCH', async () => {
      const productId = await productWithStock(5);
      const orderId = randomUUID();
      await reserve(orderId, [{ productId, quantity: 1 }]);
      const { status, body } = await reserve(orderId, [{ productId, quantity: 2 }]);
      expect(status).toBe(409);
      expect(body.code).toBe('PRODUCT.RESERVATION_MISMATCH');
      expect(await levels(productId)).toMatchObject({ reserved: 1 });
    });

    const invalid: [string, { orderId?: string; lines?: object[] }, string][] = [
      ['a line quantity of 0', { lines: [{ quantity: 0 }] }, 'body.lines.0.quantity'],
      ['no lines', { lines: [] }, 'body.lines'],
      ['a product named twice', { lines: [{}, {}] }, 'body.lines'],
      ['an order id that is not a uuid', { orderId: 'order-1' }, 'body.orderId'],
    ];
    it.each(invalid)('refuses %s with a 400 naming the field', async (_case, change, field) => {
      const productId = randomUUID();
      const line = { productId, quantity: 1 };
      const request = {
        orderId: change.orderId ?? randomUUID(),
        lines: (change.lines ?? [{}]).map((override) => ({ ...line, ...override })),
      };
      const { status, body } = await app.post('/stock-reservations', request);
      expect(status).toBe(400);
      expect(body.errors.map((error: { field: string }) => error.field)).toEqual([field]);
      expect((await app.get(`/stock-reservations/${request.orderId}`)).status).not.toBe(200);
    });
  });

  describe('committing', () => {
    it('turns reserved units into sold ones, once', async () => {
      const productId = await productWithStock(5);
      const orderId = randomUUID();
      await reserve(orderId, [{ productId, quantity: 2 }]);

      const first = await commit(orderId);
      expect(first.status).toBe(200);
      expect(first.body).toMatchObject({ orderId, status: 'COMMITTED' });
      const again = await commit(orderId);
      expect(again.status).toBe(200);
      expect(again.body).toEqual(first.body);

      expect(await levels(productId)).toMatchObject({
        onHand: 3,
        reserved: 0,
        available: 3,
        sold: 2,
        received: 5,
      });
      expect((await events('StockCommitted', orderId)).map((event) => event.payload)).toEqual([
        { orderId, lines: [{ productId, quantity: 2 }] },
      ]);
    });

    it('treats an upper-case spelling of the order id as the same order', async () => {
      const productId = await productWithStock(5);
      const orderId = randomUUID();
      await reserve(orderId.toUpperCase(), [{ productId: productId.toUpperCase(), quantity: 1 }]);

      const { status, body } = await commit(orderId.toUpperCase());
      expect(status).toBe(200);
      expect(body).toEqual({ orderId, status: 'COMMITTED', lines: [{ productId, quantity: 1 }] });
      // Same key, same partition: the events of one order stay in order for consumers.
      expect(await events('StockReserved', orderId)).toHaveLength(1);
      expect(await events('StockCommitted', orderId)).toHaveLength(1);
    });

    it('refuses to release a committed reservation with 409 PRODUCT.RESERVATION_COMMITTED', async () => {
      const productId = await productWithStock(5);
      const orderId = randomUUID();
      await reserve(orderId, [{ productId, quantity: 2 }]);
      await commit(orderId);

      const { status, body } = await release(orderId);
      expect(status).toBe(409);
      expect(body.code).toBe('PRODUCT.RESERVATION_COMMITTED');
      expect(await levels(productId)).toMatchObject({ onHand: 3, sold: 2 });
    });

    it('answers 404 PRODUCT.RESERVATION_NOT_FOUND for an order that never reserved', async () => {
      const orderId = randomUUID();
      const { status, body } = await commit(orderId);
      expect(status).toBe(404);
      expect(body.code).toBe('PRODUCT.RESERVATION_NOT_FOUND');
      expect((await app.get(`/stock-reservations/${orderId}`)).status).toBe(404);
    });

    it('refuses to commit a failed reservation with 409 PRODUCT.RESERVATION_FAILED', async () => {
      const productId = await productWithStock(0);
      const orderId = randomUUID();
      await reserve(orderId, [{ productId, quantity: 1 }]);
      const { status, body } = await commit(orderId);
      expect(status).toBe(409);
      expect(body.code).toBe('PRODUCT.RESERVATION_FAILED');
    });
  });

  describe('releasing', () => {
    it('makes the units available again, once, and refuses a later commit or reserve', async () => {
      const productId = await productWithStock(5);
      const orderId = randomUUID();
      await reserve(orderId, [{ productId, quantity: 2 }]);

      const first = await release(orderId);
      expect(first.status).toBe(200);
      expect(first.body).toEqual({
        orderId,
        status: 'RELEASED',
        lines: [{ productId, quantity: 2 }],
      });
      expect((await release(orderId)).body).toEqual(first.body);
      expect(await levels(productId)).toMatchObject({ onHand: 5, reserved: 0, available: 5 });
      expect(await events('StockReleased', orderId)).toHaveLength(1);

      const lateCommit = await commit(orderId);
      expect(lateCommit.status).toBe(409);
      expect(lateCommit.body.code).toBe('PRODUCT.RESERVATION_RELEASED');
      const lateReserve = await reserve(orderId, [{ productId, quantity: 2 }]);
      expect(lateReserve.status).toBe(409);
      expect(lateReserve.body.code).toBe('PRODUCT.RESERVATION_RELEASED');
      expect(await levels(productId)).toMatchObject({ reserved: 0, sold: 0 });
    });

    it('records a tombstone for an order it never saw, so its late reserve is refused', async () => {
      const productId = await productWithStock(5);
      const orderId = randomUUID();

      const { status, body } = await release(orderId);
      expect(status).toBe(200);
      expect(body).toEqual({ orderId, status: 'RELEASED', lines: [] });
      expect(await events('StockReleased', orderId)).toEqual([]);

      const late = await reserve(orderId, [{ productId, quantity: 1 }]);
      expect(late.status).toBe(409);
      expect(late.body.code).toBe('PRODUCT.RESERVATION_RELEASED');
      expect(await levels(productId)).toMatchObject({ reserved: 0, available: 5 });
    });
  });

  describe('under concurrency', () => {
    it('lets exactly one of two orders racing for the last unit win', async () => {
      const productId = await productWithStock(1);
      const answers = await Promise.all(
        [randomUUID(), randomUUID()].map((orderId) =>
          reserve(orderId, [{ productId, quantity: 1 }]),
        ),
      );
      expect(answers.map((answer) => answer.status).sort()).toEqual([201, 409]);
      expect(await levels(productId)).toMatchObject({ reserved: 1, available: 0 });
    });

    it('never sells more than there is when many orders race', async () => {
      const productId = await productWithStock(3);
      const answers = await Promise.all(
        Array.from({ length: 12 }, () => reserve(randomUUID(), [{ productId, quantity: 1 }])),
      );
      const statuses = answers.map((answer) => answer.status);
      expect(statuses.filter((status) => status === 201)).toHaveLength(3);
      expect(statuses.filter((status) => status === 409)).toHaveLength(9);
      expect(await levels(productId)).toMatchObject({ reserved: 3, available: 0 });
    });

    it('reserves once when the same order arrives several times at once', async () => {
      const productId = await productWithStock(10);
      const orderId = randomUUID();
      const answers = await Promise.all(
        Array.from({ length: 5 }, () => reserve(orderId, [{ productId, quantity: 2 }])),
      );
      expect(answers.map((answer) => answer.status).sort()).toEqual([200, 200, 200, 200, 201]);
      expect(await levels(productId)).toMatchObject({ reserved: 2 });
      expect(await events('StockReserved', orderId)).toHaveLength(1);
    });

    it('does not deadlock when orders name the same products in opposite orders', async () => {
      const [a, b] = [await productWithStock(100), await productWithStock(100)];
      const answers = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          reserve(randomUUID(), [
            { productId: i % 2 ? a! : b!, quantity: 1 },
            { productId: i % 2 ? b! : a!, quantity: 1 },
          ]),
        ),
      );
      expect(answers.every((answer) => answer.status === 201)).toBe(true);
      expect(await levels(a!)).toMatchObject({ reserved: 10 });
      expect(await levels(b!)).toMatchObject({ reserved: 10 });
    });
  });

  describe('accounting', () => {
    it('accounts for every unit received: available + reserved + sold', async () => {
      const productId = await productWithStock(10);
      await app.post(`/products/${productId}/restock`, { quantity: 5 });
      const [sold, released, held] = [randomUUID(), randomUUID(), randomUUID()];
      await reserve(sold, [{ productId, quantity: 3 }]);
      await commit(sold);
      await reserve(released, [{ productId, quantity: 4 }]);
      await release(released);
      await reserve(held, [{ productId, quantity: 2 }]);

      const stock = await levels(productId);
      expect(stock).toEqual({
        productId,
        onHand: 12,
        reserved: 2,
        available: 10,
        sold: 3,
        received: 15,
      });
      expect(stock.available + stock.reserved + stock.sold).toBe(10 + 5);
    });

    it('has the database refuse negative available stock, even from a hand-written UPDATE', async () => {
      const productId = await productWithStock(2);
      await reserve(randomUUID(), [{ productId, quantity: 1 }]);
      await expect(
        app.dataSource.query('UPDATE inventory SET reserved = 3 WHERE product_id = $1', [
          productId,
        ]),
      ).rejects.toThrow(/inventory_available_never_negative/);
      // Consistent books (nothing on hand, nothing received) but a unit still reserved.
      await expect(
        app.dataSource.query(
          'UPDATE inventory SET on_hand = 0, received = 0 WHERE product_id = $1',
          [productId],
        ),
      ).rejects.toThrow(/inventory_available_never_negative/);
      expect(await levels(productId)).toMatchObject({ onHand: 2, reserved: 1, available: 1 });
    });

    it('has the database refuse a change that loses track of units received', async () => {
      const productId = await productWithStock(2);
      await expect(
        app.dataSource.query('UPDATE inventory SET on_hand = 1 WHERE product_id = $1', [productId]),
      ).rejects.toThrow(/inventory_every_unit_accounted_for/);
    });
  });
});
