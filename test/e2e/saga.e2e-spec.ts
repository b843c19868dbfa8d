import { randomUUID } from 'node:crypto';
import { eventually } from '../support/poll.js';
import { SystemUnderTest } from '../support/system-under-test.js';
import { type Answer, SagaShop, type StockLevels } from './saga-shop.js';

/**
 * Short saga timings, so that timeouts and parking happen within a test: a step is resent after
 * 1 s, a saga gives up 8 s after placement, a compensation parks after its 2nd unanswered attempt.
 * The deadline stays well above a healthy saga's few hundred milliseconds, even on a busy machine.
 */
const ORDER_SAGA_ENV = {
  SAGA_STEP_TIMEOUT_MS: '1000',
  SAGA_DEADLINE_MS: '8000',
  SAGA_SWEEP_INTERVAL_MS: '250',
  SAGA_COMPENSATION_MAX_ATTEMPTS: '2',
};

/**
 * The order placement saga (issue 7) through the real stack: the gateway, order, product and
 * promotion on real PostgreSQL and Kafka, with fault injection on as in `npm start`. Customers
 * place and follow orders through `/api`; admins switch faults and retry parked sagas there too.
 * Products and coupons are set up straight at the services.
 */
describe('the order placement saga', () => {
  let system: SystemUnderTest;
  let shop: SagaShop;
  const tokens: Record<string, string> = {};
  const api = (path: string) => system.url('gateway', `/api${path}`);

  beforeAll(async () => {
    system = await SystemUnderTest.start({
      name: 'saga',
      portBase: 17200,
      postgresPort: 55481,
      kafkaPort: 20092,
    });
    shop = new SagaShop(system);
    await Promise.all([
      system.startApp('product'),
      system.startApp('promotion'),
      system.startApp('order', ORDER_SAGA_ENV),
    ]);
    await system.startApp('gateway');
    for (const who of ['alice', 'bob', 'admin']) tokens[who] = await signIn(`${who}@example.com`);
  }, 300_000);

  afterAll(async () => {
    await system?.stop();
  }, 60_000);

  // A test that fails half-way must not leave its faults to the next one.
  afterEach(async () => {
    await Promise.all([resetFaults('product'), resetFaults('promotion')]);
  });

  async function signIn(email: string): Promise<string> {
    const response = await fetch(api('/auth/login'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: 'microshop-demo' }),
    });
    return ((await response.json()) as { accessToken: string }).accessToken;
  }

  async function call(who: string, method: string, path: string, body?: unknown, headers = {}) {
    const response = await fetch(api(path), {
      method,
      headers: {
        authorization: `Bearer ${tokens[who]}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text === '' ? undefined : JSON.parse(text) } as Answer;
  }

  const place = (who: string, order: object, key: string = randomUUID()) =>
    call(who, 'POST', '/orders', order, { 'idempotency-key': key });

  /** Places an order that the gateway and order accept (202 PENDING), and returns its id. */
  async function placed(who: string, order: object): Promise<string> {
    const answer = await place(who, order);
    expect(answer).toMatchObject({ status: 202, body: { status: 'PENDING' } });
    return answer.body.id as string;
  }

  /** Waits until the order has reached `status` (and its saga has stopped), then returns both. */
  async function settled(who: string, orderId: string, status: string, timeoutMs = 30_000) {
    const sagaEnd: Record<string, string[]> = {
      CONFIRMED: ['COMPLETED'],
      CANCELLED: ['CANCELLED'],
      COMPENSATION_FAILED: ['COMPENSATION_FAILED'],
    };
    let order: Answer | undefined;
    let saga: Answer | undefined;
    try {
      await eventually(
        `order ${orderId} is ${status}`,
        async () => {
          order = await call(who, 'GET', `/orders/${orderId}`);
          saga = await call(who, 'GET', `/orders/${orderId}/saga`);
          return order.body?.status === status && sagaEnd[status]!.includes(saga.body?.status);
        },
        timeoutMs,
      );
    } catch (error) {
      throw new Error(
        `${(error as Error).message}; last seen ${JSON.stringify({ order: order?.body, saga: saga?.body })}`,
        { cause: error },
      );
    }
    return { order: order!.body, saga: saga!.body as { status: string; steps: Step[] } };
  }

  /** Waits until the order is CONFIRMED or CANCELLED, whichever it ends as. */
  async function eventuallyEnded(who: string, orderId: string) {
    let status = 'PENDING';
    await eventually(`order ${orderId} has ended`, async () => {
      status = (await call(who, 'GET', `/orders/${orderId}`)).body?.status;
      return status === 'CONFIRMED' || status === 'CANCELLED';
    });
    return settled(who, orderId, status);
  }

  interface Step {
    step: string;
    kind: string;
    outcome: string;
    reason?: string;
  }
  const timeline = (steps: Step[]) =>
    steps.map((s) => `${s.step} ${s.outcome}${s.reason ? ` ${s.reason}` : ''}`);

  const setFaults = (service: string, settings: object) =>
    call('admin', 'PUT', `/admin/faults/${service}`, settings);
  const resetFaults = (service: string) => call('admin', 'DELETE', `/admin/faults/${service}`);

  const untouched = (levels: StockLevels, stock: number) =>
    expect(levels).toMatchObject({ onHand: stock, reserved: 0, sold: 0, received: stock });

  it('confirms an order: 202 PENDING, then CONFIRMED with the stock sold and the coupon redeemed', async () => {
    const productId = await shop.createProduct(10);
    const couponCode = await shop.createCoupon(5);

    const orderId = await placed('alice', { items: [{ productId, quantity: 2 }], couponCode });
    const { order, saga } = await settled('alice', orderId, 'CONFIRMED');

    expect(order).toMatchObject({ couponCode, cancellationReason: null });
    expect(timeline(saga.steps)).toEqual([
      'reserve-stock started',
      'reserve-stock succeeded',
      'redeem-coupon started',
      'redeem-coupon succeeded',
      'confirm-order started',
      'confirm-order succeeded',
      'commit-stock started',
      'commit-stock succeeded',
    ]);
    expect(await shop.stockLevels(productId)).toEqual(
      expect.objectContaining({ onHand: 8, reserved: 0, available: 8, sold: 2, received: 10 }),
    );
    const coupon = await call('admin', 'GET', `/admin/coupons/${couponCode}`);
    expect(coupon.body.redemptions).toBe(1);

    // Past the pivot, the customer can no longer cancel.
    const cancel = await call('alice', 'POST', `/orders/${orderId}/cancel`);
    expect(cancel).toMatchObject({ status: 409, body: { code: 'ORDER.NOT_CANCELLABLE' } });
  }, 120_000);

  it('cancels an order product cannot fill, leaving the stock as it was', async () => {
    const productId = await shop.createProduct(1);

    const orderId = await placed('bob', { items: [{ productId, quantity: 2 }] });
    const { order, saga } = await settled('bob', orderId, 'CANCELLED');

    expect(order.cancellationReason).toBe('ORDER.OUT_OF_STOCK');
    expect(timeline(saga.steps)).toEqual([
      'reserve-stock started',
      'reserve-stock failed ORDER.OUT_OF_STOCK',
    ]);
    untouched(await shop.stockLevels(productId), 1);
  }, 120_000);

  it("cancels the order that loses the race for a coupon's last redemption and releases its stock", async () => {
    const productId = await shop.createProduct(5);
    const couponCode = await shop.createCoupon(1);
    // Both orders are quoted while the coupon is free (a quote refuses a used-up coupon at once).
    // The first reservation to reach product goes unanswered until its resend a second later,
    // so the other order redeems the coupon first and the stalled one meets it used up.
    await setFaults('product', { reserveStock: { mode: 'no-reply', next: 1 } });
    const order = { items: [{ productId, quantity: 1 }], couponCode };
    const [bobs, alices] = await Promise.all([placed('bob', order), placed('alice', order)]);

    const ends = await Promise.all([
      eventuallyEnded('bob', bobs),
      eventuallyEnded('alice', alices),
    ]);
    const winner = ends.find((end) => end.order.status === 'CONFIRMED');
    const loser = ends.find((end) => end.order.status === 'CANCELLED');
    expect(winner?.saga.status).toBe('COMPLETED');
    expect(loser?.order.cancellationReason).toBe('ORDER.COUPON_EXHAUSTED');
    expect(timeline(loser!.saga.steps).slice(-4)).toEqual([
      'redeem-coupon started',
      'redeem-coupon failed ORDER.COUPON_EXHAUSTED',
      'release-stock started ORDER.COUPON_EXHAUSTED',
      'release-stock succeeded ORDER.COUPON_EXHAUSTED',
    ]);
    // Only the winner's unit is gone; the loser's reservation was released.
    expect(await shop.stockLevels(productId)).toEqual(
      expect.objectContaining({ onHand: 4, reserved: 0, sold: 1, received: 5 }),
    );
    expect((await call('admin', 'GET', `/admin/coupons/${couponCode}`)).body.redemptions).toBe(1);
  }, 120_000);

  it('cancels the next order when an admin makes stock reservation fail, then serves the one after', async () => {
    const productId = await shop.createProduct(3);
    try {
      const fault = await setFaults('product', { reserveStock: { mode: 'fail', next: 1 } });
      expect(fault.status).toBe(200);

      const doomed = await placed('alice', { items: [{ productId, quantity: 1 }] });
      const { order } = await settled('alice', doomed, 'CANCELLED');
      expect(order.cancellationReason).toBe('ORDER.INJECTED_FAULT');
      untouched(await shop.stockLevels(productId), 3);

      // `next: 1` has fired once and cleared itself.
      const next = await placed('alice', { items: [{ productId, quantity: 1 }] });
      await settled('alice', next, 'CONFIRMED');
    } finally {
      await resetFaults('product');
    }
  }, 120_000);

  it('releases the reserved stock when an admin makes coupon redemption fail', async () => {
    const productId = await shop.createProduct(3);
    const couponCode = await shop.createCoupon(5);
    try {
      await setFaults('promotion', { redeemCoupon: { mode: 'fail', next: 1 } });

      const orderId = await placed('bob', { items: [{ productId, quantity: 2 }], couponCode });
      const { order, saga } = await settled('bob', orderId, 'CANCELLED');

      expect(order.cancellationReason).toBe('ORDER.INJECTED_FAULT');
      expect(timeline(saga.steps)).toContain('release-stock succeeded ORDER.INJECTED_FAULT');
      untouched(await shop.stockLevels(productId), 3);
      expect((await call('admin', 'GET', `/admin/coupons/${couponCode}`)).body.redemptions).toBe(0);
    } finally {
      await resetFaults('promotion');
    }
  }, 120_000);

  it('gives up on a participant that never answers: resends, then times out and compensates', async () => {
    const productId = await shop.createProduct(4);
    try {
      await setFaults('product', { reserveStock: { mode: 'no-reply' } });

      const orderId = await placed('alice', { items: [{ productId, quantity: 1 }] });
      const { order, saga } = await settled('alice', orderId, 'CANCELLED');

      expect(order.cancellationReason).toBe('ORDER.SAGA_TIMEOUT');
      const lines = timeline(saga.steps);
      expect(lines).toContain('reserve-stock retried');
      expect(lines).toContain('reserve-stock timed-out ORDER.SAGA_TIMEOUT');
      // The reserve may have taken effect unseen, so it is released all the same.
      expect(lines.at(-1)).toBe('release-stock succeeded ORDER.SAGA_TIMEOUT');
      untouched(await shop.stockLevels(productId), 4);
    } finally {
      await resetFaults('product');
    }
  }, 120_000);

  it('lets a customer cancel their PENDING order, compensating what the saga had done', async () => {
    const productId = await shop.createProduct(4);
    try {
      // Product holds the reservation without answering, so the order stays PENDING.
      await setFaults('product', { reserveStock: { mode: 'no-reply' } });
      const orderId = await placed('bob', { items: [{ productId, quantity: 1 }] });

      // Only the owner may cancel it.
      expect((await call('alice', 'POST', `/orders/${orderId}/cancel`)).status).toBe(404);
      expect((await call('bob', 'POST', `/orders/${orderId}/cancel`)).status).toBe(202);
      const { order, saga } = await settled('bob', orderId, 'CANCELLED');

      expect(order.cancellationReason).toBe('ORDER.CANCELLED_BY_CUSTOMER');
      const lines = timeline(saga.steps);
      expect(lines).toContain('reserve-stock cancelled ORDER.CANCELLED_BY_CUSTOMER');
      expect(lines.at(-1)).toBe('release-stock succeeded ORDER.CANCELLED_BY_CUSTOMER');
      untouched(await shop.stockLevels(productId), 4);
      // Cancelling again is harmless.
      expect((await call('bob', 'POST', `/orders/${orderId}/cancel`)).status).toBe(202);
    } finally {
      await resetFaults('product');
    }
  }, 120_000);

  it('makes one order of concurrent requests with one Idempotency-Key', async () => {
    const productId = await shop.createProduct(10);
    const key = randomUUID();
    const order = { items: [{ productId, quantity: 3 }] };

    const answers = await Promise.all(Array.from({ length: 6 }, () => place('alice', order, key)));

    for (const answer of answers) expect([200, 202]).toContain(answer.status);
    const ids = new Set(answers.map((answer) => answer.body.id as string));
    expect(ids.size).toBe(1);
    const [orderId] = [...ids];
    await settled('alice', orderId!, 'CONFIRMED');
    const rows = await shop.query('order', 'SELECT id FROM orders WHERE idempotency_key = $1', [
      key,
    ]);
    expect(rows).toEqual([{ id: orderId }]);
    // One saga ran: three units sold, not eighteen.
    expect(await shop.stockLevels(productId)).toEqual(
      expect.objectContaining({ onHand: 7, reserved: 0, sold: 3, received: 10 }),
    );
  }, 120_000);

  // Last: it kills product, and the order service's saga timings are short, so nothing else runs.
  it('parks a saga whose compensation gets no answer, and finishes it after an admin retry', async () => {
    const productId = await shop.createProduct(4);
    await setFaults('product', { reserveStock: { mode: 'no-reply' } });
    const orderId = await placed('alice', { items: [{ productId, quantity: 1 }] });
    // Product goes away for good before the deadline: the release cannot be answered.
    await system.kill('product');

    const parked = await settled('alice', orderId, 'COMPENSATION_FAILED', 60_000);
    expect(parked.order.cancellationReason).toBe('ORDER.SAGA_TIMEOUT');
    expect(timeline(parked.saga.steps).at(-1)).toBe('release-stock parked ORDER.SAGA_TIMEOUT');
    const gauge = await fetch(system.url('order', '/metrics')).then((r) => r.text());
    expect(gauge).toMatch(/^saga_parked\{[^}]*saga="place_order"[^}]*\} 1$/m);

    // A customer cannot retry it; an admin can, and product's return lets it finish.
    expect((await call('alice', 'POST', `/admin/orders/${orderId}/saga/retry`)).status).toBe(403);
    expect((await call('admin', 'POST', `/admin/orders/${orderId}/saga/retry`)).status).toBe(202);
    await system.startApp('product');
    const { order, saga } = await settled('alice', orderId, 'CANCELLED', 90_000);

    expect(order.cancellationReason).toBe('ORDER.SAGA_TIMEOUT');
    const lines = timeline(saga.steps);
    expect(lines.lastIndexOf('release-stock retried ORDER.SAGA_TIMEOUT')).toBeGreaterThan(
      lines.indexOf('release-stock parked ORDER.SAGA_TIMEOUT'),
    );
    expect(lines.at(-1)).toBe('release-stock succeeded ORDER.SAGA_TIMEOUT');
    untouched(await shop.stockLevels(productId), 4);
  }, 240_000);
});
