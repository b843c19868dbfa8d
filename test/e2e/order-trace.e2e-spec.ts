import { randomBytes, randomUUID } from 'node:crypto';
import type { ServiceName } from '#libs/contracts';
import { demoProductId, demoSku } from '#libs/demo-data';
import type { SpanRecord } from '#libs/observability';
import { eventually } from '../support/poll.js';
import { signIn } from '../support/sign-in.js';
import { SystemUnderTest } from '../support/system-under-test.js';
import { ancestry, TracedApps } from '../support/traced-apps.js';

const APPS = ['gateway', 'order', 'product', 'promotion'] as const satisfies ServiceName[];
type App = (typeof APPS)[number];

/** A product of the demo catalog, seeded by product and made known to promotion by its events. */
const PRODUCT_ID = demoProductId(demoSku('BOOK', 7));

/**
 * One order, followed end to end: `POST /api/orders` through the gateway is ONE trace, from the
 * gateway's request through order's request and its price quote from promotion, then every hop of
 * the saga over Kafka: order's outbox sends ReserveStock on inventory.commands, product handles it
 * and answers on inventory.events, order handles the answer and goes on (the coupon through
 * promotion.commands and promotion.events), until the order is CONFIRMED. Every span hangs from
 * its cause, and the log lines of the four services carry the trace id.
 *
 * The apps run as {@link TracedApps}: flags and environment of `npm start`, spans to a file each,
 * output kept for the test to read.
 */
describe('one order, one trace', () => {
  let system: SystemUnderTest;
  let apps: TracedApps<App>;

  beforeAll(async () => {
    system = await SystemUnderTest.start({
      name: 'order-trace',
      portBase: 16100,
      postgresPort: 55467,
      kafkaPort: 19972,
    });
    apps = await TracedApps.start(system, APPS);
  }, 240_000);

  afterAll(async () => {
    await apps?.stop();
    await system?.stop();
  }, 60_000);

  /** The one span of `trace` that matches, failing with what was there when none or several do. */
  function theSpan(trace: SpanRecord[], what: string, matches: (span: SpanRecord) => boolean) {
    const found = trace.filter(matches);
    if (found.length !== 1) {
      const seen = trace.map((span) => `${span.service} ${span.kind} ${span.name}`);
      throw new Error(`${found.length} spans for ${what} in the trace: ${seen.join(', ')}`);
    }
    return found[0]!;
  }

  const kafkaSpan =
    (service: App, kind: 'PRODUCER' | 'CONSUMER', topic: string, eventType: string) =>
    (span: SpanRecord) =>
      span.service === service &&
      span.kind === kind &&
      span.name === `${kind === 'PRODUCER' ? 'send' : 'process'} ${topic}` &&
      span.attributes['microshop.event.type'] === eventType;

  async function createCoupon(): Promise<string> {
    const code = `TRACE${randomUUID().slice(0, 6).toUpperCase()}`;
    const response = await fetch(system.url('gateway', '/api/admin/coupons'), {
      method: 'POST',
      headers: {
        authorization: `Bearer ${await signIn(system, 'admin@example.com')}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ code, percentOff: 10, maxRedemptions: 5 }),
    });
    expect(response.status).toBe(201);
    return code;
  }

  /**
   * Places the order under a caller's trace of our own, so its trace is easy to find. Promotion
   * learns the demo catalog from product's events after start-up, so the first attempts may be
   * refused; each attempt is a trace of its own, and only the accepted one is followed.
   */
  async function placeOrder(couponCode: string) {
    const customer = await signIn(system, 'alice@example.com');
    let placed:
      { traceId: string; callerSpanId: string; orderId: string; status: string } | undefined;
    await eventually(
      'an order is accepted',
      async () => {
        const traceId = randomBytes(16).toString('hex');
        const callerSpanId = randomBytes(8).toString('hex');
        const response = await fetch(system.url('gateway', '/api/orders'), {
          method: 'POST',
          headers: {
            authorization: `Bearer ${customer}`,
            'content-type': 'application/json',
            'idempotency-key': randomUUID(),
            traceparent: `00-${traceId}-${callerSpanId}-01`,
          },
          body: JSON.stringify({ items: [{ productId: PRODUCT_ID, quantity: 1 }], couponCode }),
        });
        if (response.status !== 202) return false;
        const body = (await response.json()) as { id: string; status: string };
        placed = { traceId, callerSpanId, orderId: body.id, status: body.status };
        return true;
      },
      60_000,
    );
    expect(placed?.status).toBe('PENDING');
    return { ...placed!, customer };
  }

  it('follows an order from the gateway through every service and Kafka hop of its saga', async () => {
    const couponCode = await createCoupon();
    const { traceId, callerSpanId, orderId, customer } = await placeOrder(couponCode);

    await eventually(
      'the order is confirmed',
      async () => {
        const response = await fetch(system.url('gateway', `/api/orders/${orderId}`), {
          headers: { authorization: `Bearer ${customer}` },
        });
        return ((await response.json()) as { status: string }).status === 'CONFIRMED';
      },
      60_000,
    );
    // The last hop: order handling the stock commit, recorded once its transaction has ended.
    await eventually('order has handled StockCommitted', async () =>
      apps
        .traceOf(traceId)
        .some(kafkaSpan('order', 'CONSUMER', 'inventory.events', 'StockCommitted')),
    );
    const trace = apps.traceOf(traceId);

    // The gateway's request, a child of the caller's span, and order's side of its call.
    const edge = theSpan(
      trace,
      "the gateway's request",
      (span) => span.service === 'gateway' && span.kind === 'SERVER',
    );
    expect(edge).toMatchObject({ name: 'POST /api/orders', parentSpanId: callerSpanId });
    const request = theSpan(
      trace,
      "order's request",
      (span) => span.service === 'order' && span.kind === 'SERVER',
    );
    expect(request.name).toBe('POST /orders');
    expect(ancestry(request, trace)).toContainEqual(edge);

    // The price quote: order's call to promotion, within order's request.
    const promotionRequests = trace.filter(
      (span) => span.service === 'promotion' && span.kind === 'SERVER',
    );
    expect(promotionRequests.length).toBeGreaterThan(0);
    for (const quote of promotionRequests) expect(ancestry(quote, trace)).toContainEqual(request);

    // order's outbox -> inventory.commands -> product, under the request that placed the order.
    const reserve = theSpan(
      trace,
      'the ReserveStock send',
      kafkaSpan('order', 'PRODUCER', 'inventory.commands', 'ReserveStock'),
    );
    expect(reserve.attributes['messaging.kafka.message.key']).toBe(orderId);
    expect(ancestry(reserve, trace)).toContainEqual(request);
    const reserving = theSpan(
      trace,
      "product's ReserveStock handling",
      kafkaSpan('product', 'CONSUMER', 'inventory.commands', 'ReserveStock'),
    );
    expect(reserving.parentSpanId).toBe(reserve.spanId);

    // product's answer -> inventory.events -> order.
    const reserved = theSpan(
      trace,
      'the StockReserved send',
      kafkaSpan('product', 'PRODUCER', 'inventory.events', 'StockReserved'),
    );
    expect(ancestry(reserved, trace)).toContainEqual(reserving);
    const hearing = theSpan(
      trace,
      "order's StockReserved handling",
      kafkaSpan('order', 'CONSUMER', 'inventory.events', 'StockReserved'),
    );
    expect(hearing.parentSpanId).toBe(reserved.spanId);

    // The coupon: order -> promotion.commands -> promotion -> promotion.events -> order.
    const redeem = theSpan(
      trace,
      'the RedeemCoupon send',
      kafkaSpan('order', 'PRODUCER', 'promotion.commands', 'RedeemCoupon'),
    );
    const redeeming = theSpan(
      trace,
      "promotion's RedeemCoupon handling",
      kafkaSpan('promotion', 'CONSUMER', 'promotion.commands', 'RedeemCoupon'),
    );
    expect(redeeming.parentSpanId).toBe(redeem.spanId);
    const redeemed = theSpan(
      trace,
      'the CouponRedeemed send',
      kafkaSpan('promotion', 'PRODUCER', 'promotion.events', 'CouponRedeemed'),
    );
    expect(ancestry(redeemed, trace)).toContainEqual(redeeming);
    const hearingCoupon = theSpan(
      trace,
      "order's CouponRedeemed handling",
      kafkaSpan('order', 'CONSUMER', 'promotion.events', 'CouponRedeemed'),
    );
    expect(hearingCoupon.parentSpanId).toBe(redeemed.spanId);

    // One trace: every span hangs from another span of it (or the caller's), and no Kafka hop
    // of this order's saga started a trace of its own.
    const known = new Set([callerSpanId, ...trace.map((span) => span.spanId)]);
    expect(trace.filter((span) => !known.has(span.parentSpanId!))).toEqual([]);
    const sagaHops = APPS.flatMap((app) => apps.spansOf(app)).filter(
      (span) =>
        ['PRODUCER', 'CONSUMER'].includes(span.kind) &&
        span.attributes['messaging.kafka.message.key'] === orderId,
    );
    expect(sagaHops.length).toBeGreaterThanOrEqual(8);
    expect(sagaHops.filter((span) => span.traceId !== traceId)).toEqual([]);

    // And the log lines of every service involved can be found by the trace id.
    expect(apps.logLinesOf('gateway', traceId)).toContainEqual(
      expect.objectContaining({ message: 'POST /api/orders 202', span_id: edge.spanId }),
    );
    expect(apps.logLinesOf('order', traceId)).toContainEqual(
      expect.objectContaining({ message: 'POST /orders 202' }),
    );
    for (const app of ['product', 'promotion'] as const) {
      await eventually(`${app} has logged its part of the order`, async () =>
        apps.logLinesOf(app, traceId).some((line) => line.service === app),
      );
    }
  }, 180_000);
});
