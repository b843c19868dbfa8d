import { randomUUID } from 'node:crypto';
import { problem } from '../../../test/fake-service.js';
import {
  eur,
  type OrderTestApp,
  type PlaceOrderBody,
  quoteReply,
  startOrderApp,
  TEST_DOWNSTREAM_TIMEOUT_MS,
} from '../../../test/order-test-app.js';

/**
 * `POST /orders` through the real app on real PostgreSQL; product and promotion are small HTTP
 * servers the tests control. Every test uses its own customer and products.
 */
describe('placing an order', () => {
  let app: OrderTestApp;

  beforeAll(async () => {
    app = await startOrderApp();
  }, 60_000);

  afterAll(async () => {
    await app?.close();
  }, 30_000);

  beforeEach(() => {
    app.answerNormally();
    app.product.clearCalls();
    app.promotion.clearCalls();
  });

  /** One unit each of two new products for a new customer, with a coupon unless told otherwise. */
  function newOrder(overrides: Partial<PlaceOrderBody> = {}): PlaceOrderBody {
    return {
      customerId: `customer-${randomUUID()}`,
      items: [
        { productId: randomUUID(), quantity: 1 },
        { productId: randomUUID(), quantity: 1 },
      ],
      couponCode: 'WELCOME10',
      ...overrides,
    };
  }

  /** Every call to either fake, in the order they arrived: `product POST /stock-reservations`. */
  const callsInOrder = () =>
    [
      ...app.product.calls.map((call) => ({ ...call, service: 'product' })),
      ...app.promotion.calls.map((call) => ({ ...call, service: 'promotion' })),
    ]
      .sort((a, b) => a.seq - b.seq)
      .map((call) => `${call.service} ${call.method} ${call.path}`);

  const eventTypesOf = async (orderId: string) =>
    (await app.eventsOf(orderId)).map((event) => event.type);

  it('confirms an order at the quoted prices after reserving, redeeming and committing', async () => {
    const [shoes, socks] = [randomUUID(), randomUUID()];
    app.prices.set(shoes, 4_999).set(socks, 350);
    const request = newOrder({
      items: [
        { productId: shoes, quantity: 2 },
        { productId: socks, quantity: 3 },
      ],
      couponCode: 'welcome10',
    });

    const response = await app.placeOrder(request);

    expect(response.status).toBe(202);
    expect(response.body).toEqual({ id: expect.any(String), status: 'CONFIRMED' });
    const { id } = response.body;
    expect(callsInOrder()).toEqual([
      'promotion POST /quotes',
      'product POST /stock-reservations',
      'promotion POST /coupons/WELCOME10/redemptions',
      `product POST /stock-reservations/${id}/commit`,
    ]);
    expect(app.promotion.calls[0]!.body).toEqual({
      customerId: request.customerId,
      lines: request.items,
      couponCode: 'WELCOME10',
    });
    expect(app.product.calls[0]!.body).toEqual({ orderId: id, lines: request.items });
    expect(app.promotion.calls[1]!.body).toEqual({ orderId: id, customerId: request.customerId });

    // 2 × 49.99 + 3 × 3.50 = 110.48, and the fake coupon takes 10% (11.04) off.
    const order = await app.get(`/orders/${id}`);
    expect(order.status).toBe(200);
    expect(order.body).toEqual({
      id,
      status: 'CONFIRMED',
      customerId: request.customerId,
      lines: [
        { productId: shoes, quantity: 2, unitPrice: eur(4_999), total: eur(9_998) },
        { productId: socks, quantity: 3, unitPrice: eur(350), total: eur(1_050) },
      ],
      discounts: [
        { description: 'Coupon WELCOME10', amount: eur(1_104), promotionId: null, productId: null },
      ],
      subtotal: eur(11_048),
      discountTotal: eur(1_104),
      total: eur(9_944),
      couponCode: 'WELCOME10',
      cancellationReason: null,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });

    const lines = [
      { productId: shoes, quantity: 2, unitPrice: eur(4_999) },
      { productId: socks, quantity: 3, unitPrice: eur(350) },
    ];
    expect(await app.eventsOf(id)).toEqual([
      {
        type: 'OrderPlaced',
        payload: {
          orderId: id,
          customerId: request.customerId,
          lines,
          total: eur(9_944),
          couponCode: 'WELCOME10',
        },
      },
      {
        type: 'OrderConfirmed',
        payload: { orderId: id, customerId: request.customerId, lines, total: eur(9_944) },
      },
    ]);
  });

  it('skips the coupon steps for an order without a coupon', async () => {
    const response = await app.placeOrder(newOrder({ couponCode: undefined }));

    expect(response.body.status).toBe('CONFIRMED');
    expect(callsInOrder()).toEqual([
      'promotion POST /quotes',
      'product POST /stock-reservations',
      `product POST /stock-reservations/${response.body.id}/commit`,
    ]);
  });

  it('cancels the order when stock runs out, with 409 ORDER.OUT_OF_STOCK and nothing to give back', async () => {
    app.product.on('POST', '/stock-reservations', problem(409, 'PRODUCT.OUT_OF_STOCK'));

    const response = await app.placeOrder(newOrder());

    expect(response.status).toBe(409);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(response.body).toMatchObject({
      status: 409,
      code: 'ORDER.OUT_OF_STOCK',
      orderId: expect.any(String),
    });
    const { orderId } = response.body;
    expect(callsInOrder()).toEqual(['promotion POST /quotes', 'product POST /stock-reservations']);
    expect((await app.get(`/orders/${orderId}`)).body).toMatchObject({
      status: 'CANCELLED',
      cancellationReason: 'ORDER.OUT_OF_STOCK',
    });
    expect(await app.eventsOf(orderId)).toEqual([
      expect.objectContaining({ type: 'OrderPlaced' }),
      {
        type: 'OrderCancelled',
        payload: {
          orderId,
          customerId: expect.any(String),
          reason: 'ORDER.OUT_OF_STOCK',
        },
      },
    ]);
  });

  it('gives the reserved stock back when the coupon is refused, with 409 ORDER.COUPON_REJECTED', async () => {
    app.promotion.on(
      'POST',
      '/coupons/:code/redemptions',
      problem(409, 'PROMOTION.COUPON_EXHAUSTED'),
    );

    const response = await app.placeOrder(newOrder());

    expect(response.status).toBe(409);
    expect(response.body).toMatchObject({ code: 'ORDER.COUPON_REJECTED' });
    expect(response.body.detail).toContain('PROMOTION.COUPON_EXHAUSTED');
    const { orderId } = response.body;
    expect(callsInOrder()).toEqual([
      'promotion POST /quotes',
      'product POST /stock-reservations',
      'promotion POST /coupons/WELCOME10/redemptions',
      `product POST /stock-reservations/${orderId}/release`,
    ]);
    expect((await app.get(`/orders/${orderId}`)).body).toMatchObject({
      status: 'CANCELLED',
      cancellationReason: 'ORDER.COUPON_REJECTED',
    });
    expect(await eventTypesOf(orderId)).toEqual(['OrderPlaced', 'OrderCancelled']);
  });

  it('creates no order when the quote refuses the coupon, with 422 ORDER.COUPON_REJECTED', async () => {
    app.promotion.on('POST', '/quotes', problem(422, 'PROMOTION.COUPON_EXPIRED'));
    const request = newOrder();

    const response = await app.placeOrder(request);

    expect(response.status).toBe(422);
    expect(response.body).toMatchObject({ code: 'ORDER.COUPON_REJECTED' });
    expect(response.body.orderId).toBeUndefined();
    expect(callsInOrder()).toEqual(['promotion POST /quotes']);
    const list = await app.get(`/orders?customerId=${request.customerId}`);
    expect(list.body.total).toBe(0);
  });

  it('answers 503 ORDER.DEPENDENCY_UNAVAILABLE and cancels the order when product is down', async () => {
    await app.product.stop();
    const response = await app.placeOrder(newOrder()).finally(() => app.product.restart());

    expect(response.status).toBe(503);
    expect(response.body).toMatchObject({
      code: 'ORDER.DEPENDENCY_UNAVAILABLE',
      orderId: expect.any(String),
    });
    expect(response.body.detail).toMatch(/^product: /);
    const { orderId } = response.body;
    expect((await app.get(`/orders/${orderId}`)).body).toMatchObject({
      status: 'CANCELLED',
      cancellationReason: 'ORDER.DEPENDENCY_UNAVAILABLE',
    });
    expect(await eventTypesOf(orderId)).toEqual(['OrderPlaced', 'OrderCancelled']);
  });

  it('releases a reservation that got no answer in time, in case it went through, then cancels', async () => {
    let answerLate!: () => void;
    const late = new Promise<void>((resolve) => (answerLate = resolve));
    app.product.on('POST', '/stock-reservations', async ({ body }) => {
      await late;
      return { status: 201, body: { orderId: body.orderId, status: 'RESERVED', lines: [] } };
    });

    const started = Date.now();
    const response = await app.placeOrder(newOrder()).finally(answerLate);

    expect(Date.now() - started).toBeGreaterThanOrEqual(TEST_DOWNSTREAM_TIMEOUT_MS);
    expect(response.status).toBe(503);
    expect(response.body.detail).toMatch(/timed out/);
    const { orderId } = response.body;
    expect(callsInOrder()).toEqual([
      'promotion POST /quotes',
      'product POST /stock-reservations',
      `product POST /stock-reservations/${orderId}/release`,
    ]);
    expect((await app.get(`/orders/${orderId}`)).body.status).toBe('CANCELLED');
  });

  it('parks the order in COMPENSATION_FAILED when reserved stock cannot be given back', async () => {
    app.product
      .on('POST', '/stock-reservations/:orderId/commit', { status: 500 })
      .on('POST', '/stock-reservations/:orderId/release', { status: 500 });

    const response = await app.placeOrder(newOrder());

    expect(response.status).toBe(503);
    const { orderId } = response.body;
    expect(callsInOrder()).toEqual([
      'promotion POST /quotes',
      'product POST /stock-reservations',
      'promotion POST /coupons/WELCOME10/redemptions',
      `product POST /stock-reservations/${orderId}/commit`,
      `promotion POST /coupons/WELCOME10/redemptions/${orderId}/release`,
      `product POST /stock-reservations/${orderId}/release`,
    ]);
    expect((await app.get(`/orders/${orderId}`)).body).toMatchObject({
      status: 'COMPENSATION_FAILED',
      cancellationReason: 'ORDER.DEPENDENCY_UNAVAILABLE',
    });
    expect(await eventTypesOf(orderId)).toEqual(['OrderPlaced']);
  });

  describe('idempotency', () => {
    it('answers a repeated request with the first order and places nothing twice', async () => {
      const request = newOrder();
      const key = randomUUID();
      const first = await app.placeOrder(request, key);

      // The same request, items listed the other way round.
      const again = await app.placeOrder({ ...request, items: [...request.items].reverse() }, key);

      expect(first.status).toBe(202);
      expect(first.headers.get('idempotent-replayed')).toBeNull();
      expect(again.status).toBe(200);
      expect(again.headers.get('idempotent-replayed')).toBe('true');
      expect(again.body).toEqual(first.body);
      expect(app.promotion.callLines().filter((call) => call === 'POST /quotes')).toHaveLength(1);
      expect(
        app.product.callLines().filter((call) => call === 'POST /stock-reservations'),
      ).toHaveLength(1);
    });

    it('answers a repeated failed request with the cancelled order, without trying again', async () => {
      app.product.on('POST', '/stock-reservations', problem(409, 'PRODUCT.OUT_OF_STOCK'));
      const request = newOrder();
      const key = randomUUID();
      const first = await app.placeOrder(request, key);
      app.answerNormally();

      const again = await app.placeOrder(request, key);

      expect(again.status).toBe(200);
      expect(again.body).toEqual({ id: first.body.orderId, status: 'CANCELLED' });
      expect(app.product.callLines()).toEqual(['POST /stock-reservations']);
    });

    it('creates one order when identical requests race with the same key', async () => {
      const racers = 5;
      // Hold every quote until all racers have asked for one: all of them have then looked for an
      // earlier order and found none, so they really do race to insert.
      let asked = 0;
      let allAsked!: () => void;
      const everyoneAsked = new Promise<void>((resolve) => (allAsked = resolve));
      app.promotion.on('POST', '/quotes', async ({ body }) => {
        if (++asked === racers) allAsked();
        await everyoneAsked;
        return quoteReply(body, app.prices);
      });
      const request = newOrder();
      const key = randomUUID();

      const responses = await Promise.all(
        Array.from({ length: racers }, () => app.placeOrder(request, key)),
      );

      const ids = new Set(responses.map((response) => response.body.id));
      expect(ids.size).toBe(1);
      expect(responses.map((response) => response.status).sort()).toEqual([
        200, 200, 200, 200, 202,
      ]);
      const [{ orders }] = await app.dataSource.query(
        'SELECT count(*)::int AS orders FROM orders WHERE customer_id = $1 AND idempotency_key = $2',
        [request.customerId, key],
      );
      expect(orders).toBe(1);
      expect(
        app.product.callLines().filter((call) => call === 'POST /stock-reservations'),
      ).toHaveLength(1);
      expect(await eventTypesOf([...ids][0]!)).toEqual(['OrderPlaced', 'OrderConfirmed']);
    });

    it('refuses a key reused for a different request with 422 ORDER.IDEMPOTENCY_KEY_REUSED', async () => {
      const request = newOrder();
      const key = randomUUID();
      const first = await app.placeOrder(request, key);

      const other = await app.placeOrder({ ...request, couponCode: undefined }, key);

      expect(other.status).toBe(422);
      expect(other.body).toMatchObject({ code: 'ORDER.IDEMPOTENCY_KEY_REUSED' });
      expect(other.body.detail).toContain(first.body.id);
      const list = await app.get(`/orders?customerId=${request.customerId}`);
      expect(list.body.total).toBe(1);
    });

    it('keeps keys apart per customer', async () => {
      const key = randomUUID();
      const alices = await app.placeOrder(newOrder(), key);
      const bobs = await app.placeOrder(newOrder(), key);

      expect([alices.status, bobs.status]).toEqual([202, 202]);
      expect(bobs.body.id).not.toBe(alices.body.id);
    });
  });

  describe('bad input', () => {
    it('requires an Idempotency-Key header, naming it in a 400', async () => {
      const response = await app.placeOrder(newOrder(), null);

      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(response.body.errors).toEqual([
        { field: 'header.idempotency-key', message: expect.stringContaining('required') },
      ]);
    });

    it('refuses an Idempotency-Key longer than 100 characters', async () => {
      const response = await app.placeOrder(newOrder(), 'k'.repeat(101));

      expect(response.status).toBe(400);
      expect(response.body.errors).toEqual([
        { field: 'header.idempotency-key', message: expect.any(String) },
      ]);
    });

    const product = randomUUID();
    it.each([
      ['no items', 'body.items', { items: [] }],
      [
        'more than 50 items',
        'body.items',
        { items: Array.from({ length: 51 }, () => ({ productId: randomUUID(), quantity: 1 })) },
      ],
      [
        'a quantity of 0',
        'body.items.0.quantity',
        { items: [{ productId: product, quantity: 0 }] },
      ],
      [
        'a quantity above 100',
        'body.items.0.quantity',
        { items: [{ productId: product, quantity: 101 }] },
      ],
      [
        'a product listed twice',
        'body.items.1.productId',
        {
          items: [
            { productId: product, quantity: 1 },
            { productId: product, quantity: 2 },
          ],
        },
      ],
      [
        'a product id that is no uuid',
        'body.items.0.productId',
        { items: [{ productId: '42', quantity: 1 }] },
      ],
      ['an empty customer', 'body.customerId', { customerId: ' ' }],
      ['a malformed coupon code', 'body.couponCode', { couponCode: 'no spaces please' }],
      ['an unknown field', 'body', { coupon: 'WELCOME10' }],
    ])('refuses %s with a 400 naming %s, and asks nobody', async (_case, field, change) => {
      const response = await app.placeOrder({ ...newOrder(), ...change });

      expect(response.status).toBe(400);
      expect(response.body.errors).toContainEqual({ field, message: expect.any(String) });
      expect(callsInOrder()).toEqual([]);
    });
  });
});
