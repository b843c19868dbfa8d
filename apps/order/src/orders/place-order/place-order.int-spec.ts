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
 * `POST /orders` through the real app on real PostgreSQL and Kafka: the quote (promotion, an HTTP
 * server the tests control), the 202 PENDING answer with the order, its saga and its first command
 * stored together, and idempotency. Product and promotion answer the saga's commands as fakes on
 * the broker (the saga's course is `saga/placement-saga.int-spec.ts`). Every test uses its own
 * customer and products.
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
    app.promotion.clearCalls();
  });

  /** One unit each of two new products for a new customer, with a coupon unless told otherwise. */
  function newOrder(overrides: Partial<PlaceOrderBody> = {}): PlaceOrderBody {
    return {
      customerId: `customer-${randomUUID()}`,
      items: [
        { productId: app.participants.product(), quantity: 1 },
        { productId: randomUUID(), quantity: 1 },
      ],
      couponCode: app.participants.coupon(),
      ...overrides,
    };
  }

  const callsInOrder = () => app.promotion.callLines();

  const eventTypesOf = async (orderId: string) =>
    (await app.eventsOf(orderId)).map((event) => event.type);

  it('answers 202 PENDING at once, with the prices the quote locked in', async () => {
    const [shoes, socks] = [app.participants.product({ reserve: 'ignore' }), randomUUID()];
    app.prices.set(shoes, 4_999).set(socks, 350);
    const coupon = app.participants.coupon();
    const request = newOrder({
      items: [
        { productId: shoes, quantity: 2 },
        { productId: socks, quantity: 3 },
      ],
      couponCode: coupon.toLowerCase(),
    });

    const response = await app.placeOrder(request);

    expect(response.status).toBe(202);
    expect(response.body).toEqual({ id: expect.any(String), status: 'PENDING' });
    const { id } = response.body;
    expect(callsInOrder()).toEqual(['POST /quotes']);
    expect(app.promotion.calls[0]!.body).toEqual({
      customerId: request.customerId,
      lines: request.items,
      couponCode: coupon,
    });

    // 2 × 49.99 + 3 × 3.50 = 110.48, and the fake coupon takes 10% (11.04) off.
    const order = await app.get(`/orders/${id}`);
    expect(order.status).toBe(200);
    expect(order.body).toEqual({
      id,
      status: 'PENDING',
      customerId: request.customerId,
      lines: [
        { productId: shoes, quantity: 2, unitPrice: eur(4_999), total: eur(9_998) },
        { productId: socks, quantity: 3, unitPrice: eur(350), total: eur(1_050) },
      ],
      discounts: [
        { description: `Coupon ${coupon}`, amount: eur(1_104), promotionId: null, productId: null },
      ],
      subtotal: eur(11_048),
      discountTotal: eur(1_104),
      total: eur(9_944),
      couponCode: coupon,
      cancellationReason: null,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
  });

  it('stores the order, OrderPlaced, the saga and its ReserveStock command in one go', async () => {
    // The fake product does not answer, so the saga stays at its first step for now.
    const productId = app.participants.product({ reserve: 'ignore' });
    const request = newOrder({ items: [{ productId, quantity: 2 }], couponCode: undefined });

    const { body } = await app.placeOrder(request);

    const events = await app.eventsOf(body.id);
    expect(events.map((event) => event.type)).toEqual(['OrderPlaced', 'ReserveStock']);
    expect(events[1]!.payload).toEqual({ orderId: body.id, lines: request.items });
    const [saga] = await app.dataSource.query(
      'SELECT status, step, attempt FROM order_sagas WHERE order_id = $1',
      [body.id],
    );
    expect(saga).toEqual({ status: 'RUNNING', step: 'reserve-stock', attempt: 1 });
  });

  it('creates no order when the quote refuses the coupon, with 422 ORDER.COUPON_REJECTED', async () => {
    app.promotion.on('POST', '/quotes', problem(422, 'PROMOTION.COUPON_EXPIRED'));
    const request = newOrder();

    const response = await app.placeOrder(request);

    expect(response.status).toBe(422);
    expect(response.body).toMatchObject({ code: 'ORDER.COUPON_REJECTED' });
    expect(response.body.orderId).toBeUndefined();
    const list = await app.get(`/orders?customerId=${request.customerId}`);
    expect(list.body.total).toBe(0);
  });

  it('creates no order when promotion does not quote in time, with 503', async () => {
    let answerLate!: () => void;
    const late = new Promise<void>((resolve) => (answerLate = resolve));
    app.promotion.on('POST', '/quotes', async ({ body }) => {
      await late;
      return quoteReply(body, app.prices);
    });
    const request = newOrder();

    const started = Date.now();
    const response = await app.placeOrder(request).finally(answerLate);

    expect(Date.now() - started).toBeGreaterThanOrEqual(TEST_DOWNSTREAM_TIMEOUT_MS);
    expect(response.status).toBe(503);
    expect(response.body).toMatchObject({ code: 'ORDER.DEPENDENCY_UNAVAILABLE' });
    const list = await app.get(`/orders?customerId=${request.customerId}`);
    expect(list.body.total).toBe(0);
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
      expect(again.body.id).toEqual(first.body.id);
      expect(app.promotion.callLines().filter((call) => call === 'POST /quotes')).toHaveLength(1);
      await app.orderBecomes(first.body.id, 'CONFIRMED');
      expect(app.participants.commandsFor(first.body.id)).toEqual([
        'ReserveStock',
        'RedeemCoupon',
        'CommitStock',
      ]);
    });

    it('answers a repeated request for a cancelled order with that order, without trying again', async () => {
      const request = newOrder({
        items: [{ productId: app.participants.product({ reserve: 'out-of-stock' }), quantity: 1 }],
      });
      const key = randomUUID();
      const first = await app.placeOrder(request, key);
      await app.orderBecomes(first.body.id, 'CANCELLED');

      const again = await app.placeOrder(request, key);

      expect(again.status).toBe(200);
      expect(again.body).toEqual({ id: first.body.id, status: 'CANCELLED' });
      expect(app.participants.commandsFor(first.body.id)).toEqual(['ReserveStock']);
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
      const id = [...ids][0]!;
      await app.orderBecomes(id, 'CONFIRMED');
      expect(app.participants.commandsFor(id)).toEqual([
        'ReserveStock',
        'RedeemCoupon',
        'CommitStock',
      ]);
      expect((await eventTypesOf(id)).filter((type) => type.startsWith('Order'))).toEqual([
        'OrderPlaced',
        'OrderConfirmed',
      ]);
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
