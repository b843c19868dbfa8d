import { randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { StockReserved, TOPICS } from '#libs/contracts';
import type { StockBehaviour } from '../../../test/fake-participants.js';
import { type OrderTestApp, startOrderApp } from '../../../test/order-test-app.js';
import { eventually } from '../../../../../test/support/poll.js';

/**
 * The placement saga through the real app on real PostgreSQL and Kafka: its commands leave
 * through the outbox, and product and promotion are fakes on the broker that answer as each test
 * tells them to (or not at all). Saga timing is short here (see TEST_SAGA_TIMING).
 */
describe('the placement saga', () => {
  let app: OrderTestApp;

  beforeAll(async () => {
    app = await startOrderApp();
  }, 60_000);

  afterAll(async () => {
    await app?.close();
  }, 30_000);

  function order(stock: StockBehaviour = {}, couponCode?: string) {
    return {
      customerId: `customer-${randomUUID()}`,
      items: [{ productId: app.participants.product(stock), quantity: 2 }],
      ...(couponCode ? { couponCode } : {}),
    };
  }

  async function place(body: ReturnType<typeof order>): Promise<string> {
    const response = await app.placeOrder(body);
    expect(response.status).toBe(202);
    expect(response.body.status).toBe('PENDING');
    return response.body.id;
  }

  /** The saga's timeline as `kind step outcome (reason)` lines. */
  async function timelineOf(orderId: string): Promise<string[]> {
    const { body } = await app.get(`/orders/${orderId}/saga`);
    return body.steps.map(
      (s: { kind: string; step: string; outcome: string; reason?: string }) =>
        `${s.kind} ${s.step} ${s.outcome}${s.reason ? ` (${s.reason})` : ''}`,
    );
  }

  const sagaStatusOf = async (orderId: string) =>
    (await app.get(`/orders/${orderId}/saga`)).body.status;

  const orderEventsOf = async (orderId: string) =>
    (await app.eventsOf(orderId)).map((e) => e.type).filter((type) => type.startsWith('Order'));

  it('reserves stock, redeems the coupon, confirms the order, then commits the stock', async () => {
    const orderId = await place(order({}, app.participants.coupon()));

    await app.orderBecomes(orderId, 'CONFIRMED');
    await eventually(
      'the saga completes',
      async () => (await sagaStatusOf(orderId)) === 'COMPLETED',
    );

    expect(app.participants.commandsFor(orderId)).toEqual([
      'ReserveStock',
      'RedeemCoupon',
      'CommitStock',
    ]);
    expect(app.participants.stock.get(orderId)).toBe('committed');
    expect(app.participants.coupons.get(orderId)).toBe('redeemed');
    expect(await timelineOf(orderId)).toEqual([
      'run reserve-stock started',
      'run reserve-stock succeeded',
      'run redeem-coupon started',
      'run redeem-coupon succeeded',
      'run confirm-order started',
      'run confirm-order succeeded',
      'run commit-stock started',
      'run commit-stock succeeded',
    ]);
    expect(await orderEventsOf(orderId)).toEqual(['OrderPlaced', 'OrderConfirmed']);
  });

  it('cancels with ORDER.OUT_OF_STOCK when product refuses, with nothing to give back', async () => {
    const orderId = await place(order({ reserve: 'out-of-stock' }, app.participants.coupon()));

    const cancelled = await app.orderBecomes(orderId, 'CANCELLED');

    expect(cancelled.cancellationReason).toBe('ORDER.OUT_OF_STOCK');
    expect(app.participants.commandsFor(orderId)).toEqual(['ReserveStock']);
    expect(await timelineOf(orderId)).toEqual([
      'run reserve-stock started',
      'run reserve-stock failed (ORDER.OUT_OF_STOCK)',
    ]);
    expect(await orderEventsOf(orderId)).toEqual(['OrderPlaced', 'OrderCancelled']);
  });

  it('releases the stock and cancels with ORDER.COUPON_EXHAUSTED when the coupon is used up', async () => {
    const coupon = app.participants.coupon({ redeem: 'exhausted' });
    const orderId = await place(order({}, coupon));

    const cancelled = await app.orderBecomes(orderId, 'CANCELLED');

    expect(cancelled.cancellationReason).toBe('ORDER.COUPON_EXHAUSTED');
    expect(app.participants.commandsFor(orderId)).toEqual([
      'ReserveStock',
      'RedeemCoupon',
      'ReleaseStock',
    ]);
    expect(app.participants.stock.get(orderId)).toBe('released');
    expect(await timelineOf(orderId)).toEqual([
      'run reserve-stock started',
      'run reserve-stock succeeded',
      'run redeem-coupon started',
      'run redeem-coupon failed (ORDER.COUPON_EXHAUSTED)',
      'compensate release-stock started (ORDER.COUPON_EXHAUSTED)',
      'compensate release-stock succeeded (ORDER.COUPON_EXHAUSTED)',
    ]);
  });

  it('resends an unanswered step, then gives up at the deadline and releases it just in case', async () => {
    const orderId = await place(order({ reserve: 'ignore' }));

    const cancelled = await app.orderBecomes(orderId, 'CANCELLED');

    expect(cancelled.cancellationReason).toBe('ORDER.SAGA_TIMEOUT');
    const commands = app.participants.commandsFor(orderId);
    expect(commands.filter((c) => c === 'ReserveStock').length).toBeGreaterThan(1);
    expect(commands.at(-1)).toBe('ReleaseStock');
    expect((await timelineOf(orderId)).slice(-3)).toEqual([
      'run reserve-stock timed-out (ORDER.SAGA_TIMEOUT)',
      'compensate release-stock started (ORDER.SAGA_TIMEOUT)',
      'compensate release-stock succeeded (ORDER.SAGA_TIMEOUT)',
    ]);
  });

  it('ignores a reply that arrives after the saga gave up on its step, and meters it', async () => {
    const orderId = await place(order({ reserve: 'ignore' }));
    await app.orderBecomes(orderId, 'CANCELLED');
    const timeline = await timelineOf(orderId);

    await publishLateReservation(orderId);

    const ignored =
      /saga_steps_total\{saga="place_order",step="reserve-stock",outcome="ignored"[^}]*\} [1-9]/;
    await eventually('the late reply is metered', async () => ignored.test(await metricsText()));
    expect((await app.get(`/orders/${orderId}`)).body.status).toBe('CANCELLED');
    expect(await timelineOf(orderId)).toEqual(timeline);
  });

  it('after the pivot only resends the stock commit until product answers', async () => {
    const stock: StockBehaviour = { commit: 'ignore' };
    const orderId = await place(order(stock));
    await app.orderBecomes(orderId, 'CONFIRMED');
    await eventually('the commit is resent', async () =>
      (await timelineOf(orderId)).includes('run commit-stock retried'),
    );

    stock.commit = 'commit';

    await eventually(
      'the saga completes',
      async () => (await sagaStatusOf(orderId)) === 'COMPLETED',
    );
    expect((await app.get(`/orders/${orderId}`)).body.status).toBe('CONFIRMED');
    expect(app.participants.commandsFor(orderId)).not.toContain('ReleaseStock');
  });

  it('parks a compensation that keeps getting no reply, and an admin retry finishes it', async () => {
    const stock: StockBehaviour = { release: 'ignore' };
    const orderId = await place(order(stock, app.participants.coupon({ redeem: 'exhausted' })));

    const parked = await app.orderBecomes(orderId, 'COMPENSATION_FAILED');
    expect(parked.cancellationReason).toBe('ORDER.COUPON_EXHAUSTED');
    expect(await sagaStatusOf(orderId)).toBe('COMPENSATION_FAILED');
    expect((await timelineOf(orderId)).at(-1)).toBe(
      'compensate release-stock parked (ORDER.COUPON_EXHAUSTED)',
    );
    expect(await metricsText()).toMatch(/saga_parked\{saga="place_order"[^}]*\} [1-9]/);

    stock.release = 'release';
    const retry = await app.post(`/admin/orders/${orderId}/saga/retry`);

    expect(retry.status).toBe(202);
    const cancelled = await app.orderBecomes(orderId, 'CANCELLED');
    expect(cancelled.cancellationReason).toBe('ORDER.COUPON_EXHAUSTED');
    expect(app.participants.stock.get(orderId)).toBe('released');
    expect(await orderEventsOf(orderId)).toEqual(['OrderPlaced', 'OrderCancelled']);
  });

  it('refuses an admin retry of a saga that is not parked with 409 ORDER.SAGA_NOT_PARKED', async () => {
    const orderId = await place(order({ reserve: 'ignore' }));

    const retry = await app.post(`/admin/orders/${orderId}/saga/retry`);

    expect(retry.status).toBe(409);
    expect(retry.body.code).toBe('ORDER.SAGA_NOT_PARKED');
  });

  describe('a customer cancelling', () => {
    it('cancels a PENDING order, releasing what its step in flight may have taken', async () => {
      const orderId = await place(order({ reserve: 'ignore' }));

      const cancel = await app.post(`/orders/${orderId}/cancel`);

      expect(cancel.status).toBe(202);
      const cancelled = await app.orderBecomes(orderId, 'CANCELLED');
      expect(cancelled.cancellationReason).toBe('ORDER.CANCELLED_BY_CUSTOMER');
      expect(app.participants.commandsFor(orderId)).toContain('ReleaseStock');
      expect((await app.post(`/orders/${orderId}/cancel`)).status).toBe(202);
    });

    it('refuses to cancel a confirmed order with 409 ORDER.NOT_CANCELLABLE', async () => {
      const orderId = await place(order());
      await app.orderBecomes(orderId, 'CONFIRMED');

      const cancel = await app.post(`/orders/${orderId}/cancel`);

      expect(cancel.status).toBe(409);
      expect(cancel.body.code).toBe('ORDER.NOT_CANCELLABLE');
    });

    it('answers 404 for an order that does not exist', async () => {
      expect((await app.post(`/orders/${randomUUID()}/cancel`)).status).toBe(404);
      expect((await app.get(`/orders/${randomUUID()}/saga`)).status).toBe(404);
    });
  });

  async function metricsText(): Promise<string> {
    const response = await fetch(`${app.baseUrl}/metrics`);
    return response.text();
  }

  /** A StockReserved for the order, as a late product would send it. */
  async function publishLateReservation(orderId: string): Promise<void> {
    const kafka = new Kafka({
      clientId: 'late-product',
      brokers: (process.env.KAFKA_BROKERS_TEST ?? '').split(','),
      logLevel: logLevel.NOTHING,
    });
    const producer = kafka.producer();
    await producer.connect();
    try {
      const envelope = {
        id: randomUUID(),
        type: StockReserved.type,
        version: StockReserved.version,
        occurredAt: new Date().toISOString(),
        source: 'product',
        key: orderId,
        payload: { orderId, lines: [{ productId: randomUUID(), quantity: 2 }] },
      };
      await producer.send({
        topic: TOPICS.inventoryEvents.name,
        messages: [{ key: orderId, value: JSON.stringify(envelope) }],
      });
    } finally {
      await producer.disconnect();
    }
  }
});
