import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import fc from 'fast-check';
import { worstCaseDurationMs } from '../../apps/order/src/orders/saga/domain/saga-timing.js';
import { eventually } from '../support/poll.js';
import { SystemUnderTest } from '../support/system-under-test.js';
import { SagaShop } from './saga-shop.js';

/** Short saga timings, so that timeouts, parking and the bound all fit in a few minutes. */
const TIMING = { stepTimeoutMs: 1_000, deadlineMs: 8_000, compensationMaxAttempts: 4 };
const SWEEP_INTERVAL_MS = 500;
const ORDER_ENV = {
  SAGA_STEP_TIMEOUT_MS: String(TIMING.stepTimeoutMs),
  SAGA_DEADLINE_MS: String(TIMING.deadlineMs),
  SAGA_SWEEP_INTERVAL_MS: String(SWEEP_INTERVAL_MS),
  SAGA_COMPENSATION_MAX_ATTEMPTS: String(TIMING.compensationMaxAttempts),
};
/**
 * A process killed with SIGKILL never leaves its Kafka consumer groups: its restarted self gets
 * no partitions until the broker drops the dead member, once its session (8 s, `GROUP_TIMING` in
 * libs/messaging's event-consumer.ts) has expired, and the group has rebalanced. So an outage, as
 * the sagas feel it, lasts from the kill until a while after the restart.
 */
const KAFKA_SESSION_TIMEOUT_MS = 8_000;
const REBALANCE_MS = 5_000;
/** Slack for a machine shared with other builds: late sweeps, slow commits, slow consumers. */
const BUSY_MACHINE_TOLERANCE_MS = 10_000;

const SCARCE_STOCK = 5;
const AMPLE_STOCK = 1_000;
/** Products 0..2 have a few units (out-of-stock refusals, races), 3..4 plenty. */
const INITIAL_STOCK = [SCARCE_STOCK, SCARCE_STOCK, SCARCE_STOCK, AMPLE_STOCK, AMPLE_STOCK];
const CUSTOMERS = 8;
const COUPON_MAX_REDEMPTIONS = 4;
const LOAD_WORKERS = 4;
const RESTOCK_UNITS = 3;
/** Orders confirmed in the calm phases before the first kill and after the last restart. */
const CALM_CONFIRMATIONS = 8;

type Killable = 'order' | 'product' | 'promotion';
const KILLABLE: Killable[] = ['order', 'product', 'promotion'];

const orderPlan = fc.record({
  customer: fc.integer({ min: 0, max: CUSTOMERS - 1 }),
  lines: fc.uniqueArray(
    fc.record({
      product: fc.integer({ min: 0, max: INITIAL_STOCK.length - 1 }),
      quantity: fc.integer({ min: 1, max: 2 }),
    }),
    { minLength: 1, maxLength: 2, selector: (line) => line.product },
  ),
  withCoupon: fc.integer({ min: 0, max: 9 }).map((n) => n < 4),
  /** How many requests carry its Idempotency-Key at once (a client retrying too eagerly). */
  senders: fc.integer({ min: 1, max: 2 }),
});

const kill = (app: fc.Arbitrary<Killable>) =>
  fc.record({
    app,
    /** A random point in the load: this long after the previous restart. */
    afterMs: fc.integer({ min: 1_000, max: 5_000 }),
    /** How long the process stays dead before it is started again. */
    downMs: fc.integer({ min: 0, max: 1_500 }),
  });

/** The whole run, generated from one seed: the orders and the chaos schedule. */
const scenario = fc.record({
  orders: fc.array(orderPlan, { minLength: 800, maxLength: 800 }),
  // Order, then product, then promotion, then one more of any of them.
  kills: fc
    .tuple(
      kill(fc.constant('order')),
      kill(fc.constant('product')),
      kill(fc.constant('promotion')),
      kill(fc.constantFrom(...KILLABLE)),
    )
    .map((kills) => [...kills]),
  /** A share of reservations refused, and of coupon redemptions left unanswered (timeouts). */
  reserveFailPercent: fc.integer({ min: 5, max: 20 }),
  redeemNoReplyPercent: fc.integer({ min: 5, max: 20 }),
});
type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never;

interface Outage {
  app: Killable;
  from: number;
  to: number;
}

/**
 * The saga's invariants (issue 7) under concurrent orders and crashes: customers place orders
 * (some doomed: scarce stock, a coupon with few redemptions, injected refusals and silences) while
 * order, product and promotion are killed with SIGKILL at random points and restarted. Then every
 * saga must end within its bound, and the three databases must agree: stock accounted for, the
 * coupon held exactly by the confirmed orders that use it, one order per idempotency key, every
 * accepted order present. The schedule comes from a seed, printed at the start (and on failure):
 * `CHAOS_SEED=<n>` replays it, as far as timing on a real machine can be replayed.
 */
describe('the order saga under crashes', () => {
  const seed = Number(process.env.CHAOS_SEED ?? Math.floor(Math.random() * 2 ** 31));
  let system: SystemUnderTest;
  let shop: SagaShop;

  beforeAll(async () => {
    system = await SystemUnderTest.start({
      name: 'saga-chaos',
      portBase: 17400,
      postgresPort: 55483,
      kafkaPort: 20102,
    });
    shop = new SagaShop(system);
    await Promise.all([
      system.startApp('product'),
      system.startApp('promotion'),
      system.startApp('order', ORDER_ENV),
    ]);
  }, 300_000);

  afterAll(async () => {
    await system?.stop();
  }, 60_000);

  it('ends every saga in time and keeps order, stock and coupon consistent', async () => {
    process.stdout.write(`saga chaos: seed ${seed} (CHAOS_SEED=${seed} replays it)\n`);
    const [plan] = fc.sample(scenario, { seed, numRuns: 1 });
    try {
      await run(plan!);
    } catch (error) {
      throw new Error(`saga chaos, seed ${seed}: ${(error as Error).message}`, { cause: error });
    }
  }, 420_000);

  async function run(plan: Scenario): Promise<void> {
    const productIds = await Promise.all(INITIAL_STOCK.map((stock) => shop.createProduct(stock)));
    const couponCode = await shop.createCoupon(COUPON_MAX_REDEMPTIONS);
    const faults = {
      product: { reserveStock: { mode: 'fail', percent: plan.reserveFailPercent } },
      promotion: { redeemCoupon: { mode: 'no-reply', percent: plan.redeemNoReplyPercent } },
    };
    await shop.faults('product', faults.product);
    await shop.faults('promotion', faults.promotion);

    // The load: workers place the planned orders until the chaos is over, each retrying a
    // request that met a dead or failing service with the same key, as a real client would.
    const accepted = new Map<string, Set<string>>(); // idempotency key → order ids answered
    let chaosOver = false;
    let giveUpAt = Number.POSITIVE_INFINITY;
    let next = 0;

    async function placeWithRetries(order: object, key: string): Promise<void> {
      for (;;) {
        const answer = await shop.placeOrder(order as never, key);
        if (answer.status === 200 || answer.status === 202) {
          if (!accepted.has(key)) accepted.set(key, new Set());
          accepted.get(key)!.add(answer.body.id as string);
          return;
        }
        const retriable = answer.status === 0 || answer.status === 429 || answer.status >= 500;
        if (!retriable || Date.now() > giveUpAt) return;
        await sleep(200); // a client's pause before retrying, not a wait for a condition
      }
    }

    async function worker(): Promise<void> {
      while (!chaosOver && next < plan.orders.length) {
        const order = plan.orders[next++]!;
        const key = randomUUID();
        const body = {
          customerId: `chaos-customer-${order.customer}`,
          items: order.lines.map((line) => ({
            productId: productIds[line.product],
            quantity: line.quantity,
          })),
          ...(order.withCoupon ? { couponCode } : {}),
        };
        await Promise.all(Array.from({ length: order.senders }, () => placeWithRetries(body, key)));
        await sleep(300); // pacing: keep the load spread over the whole chaos schedule
      }
    }
    const load = Promise.all(Array.from({ length: LOAD_WORKERS }, worker));
    // A calm start, so that some orders go all the way before anything breaks.
    await someMoreOrdersConfirmed(CALM_CONFIRMATIONS);

    // The chaos: SIGKILL at random points, restart, put the faults back (they live in memory),
    // and restock a scarce product after each product restart.
    const outages: Outage[] = [];
    const restocked = INITIAL_STOCK.map(() => 0);
    for (const [index, step] of plan.kills.entries()) {
      await sleep(step.afterMs); // the random point of the schedule
      const from = Date.now();
      await system.kill(step.app, 'SIGKILL');
      await sleep(step.downMs);
      await system.startApp(step.app, step.app === 'order' ? ORDER_ENV : {});
      outages.push({ app: step.app, from, to: Date.now() });
      if (step.app === 'product') {
        await shop.faults('product', faults.product);
        const scarce = index % SCARCE_PRODUCTS;
        const answer = await shop.restock(productIds[scarce]!, RESTOCK_UNITS);
        expect(answer.status).toBe(200);
        restocked[scarce]! += RESTOCK_UNITS;
      }
      if (step.app === 'promotion') await shop.faults('promotion', faults.promotion);
    }
    // And a calm end: the restarted processes serve orders again before the load stops.
    await someMoreOrdersConfirmed(CALM_CONFIRMATIONS);
    chaosOver = true;
    giveUpAt = Date.now() + 60_000;
    await load;
    await Promise.all([shop.faults('product', null), shop.faults('promotion', null)]);

    await everySagaStops();
    await everySagaEndedWithinItsBound(outages);
    await retryParkedSagas();
    await ordersAndKeysAgree(accepted);
    await stockIsAccountedFor(productIds, restocked);
    await couponIsHeldByConfirmedOrders(couponCode);
    await theRunExercisedTheSaga();
  }

  const SCARCE_PRODUCTS = INITIAL_STOCK.filter((stock) => stock === SCARCE_STOCK).length;
  const worstCase = worstCaseDurationMs(TIMING);

  /** Waits until `count` more orders than now are CONFIRMED. */
  async function someMoreOrdersConfirmed(count: number): Promise<void> {
    const confirmed = async () => {
      const [row] = await shop.query<{ n: string }>(
        'order',
        `SELECT count(*) AS n FROM orders WHERE status = 'CONFIRMED'`,
      );
      return Number(row!.n);
    };
    const target = (await confirmed()) + count;
    await eventually(
      `${count} more orders are confirmed`,
      async () => (await confirmed()) >= target,
      90_000,
    );
  }

  async function sagaCount(statuses: string[]): Promise<number> {
    const [row] = await shop.query<{ n: string }>(
      'order',
      'SELECT count(*) AS n FROM order_sagas WHERE status = ANY($1)',
      [statuses],
    );
    return Number(row!.n);
  }

  /** Every saga stops moving: it ends, or parks for an operator. */
  async function everySagaStops(): Promise<void> {
    await eventually(
      'no saga is still running, committing or compensating',
      async () => (await sagaCount(['RUNNING', 'COMMITTING', 'COMPENSATING'])) === 0,
      worstCase + KAFKA_SESSION_TIMEOUT_MS + 60_000,
    );
  }

  /**
   * Each saga stopped (ended, or first parked) within `worstCaseDurationMs` plus one sweep, once
   * the outages it lived through are added (from the kill until the restarted process consumes
   * again) and the busy machine's slack.
   */
  async function everySagaEndedWithinItsBound(outages: Outage[]): Promise<void> {
    const sagas = await shop.query<{ order_id: string; started: Date; stopped: Date }>(
      'order',
      `SELECT s.order_id, s.started_at AS started,
              coalesce((SELECT min(at) FROM order_saga_steps t
                        WHERE t.order_id = s.order_id AND t.outcome = 'parked'), s.updated_at) AS stopped
         FROM order_sagas s`,
    );
    const late = sagas.flatMap((saga) => {
      const [start, stop] = [saga.started.getTime(), saga.stopped.getTime()];
      const outage = outages
        .map(({ from, to }) =>
          overlap(start, stop, from, to + KAFKA_SESSION_TIMEOUT_MS + REBALANCE_MS),
        )
        .reduce((sum, ms) => sum + ms, 0);
      const bound = worstCase + SWEEP_INTERVAL_MS + outage + BUSY_MACHINE_TOLERANCE_MS;
      return stop - start > bound ? [`${saga.order_id}: ${stop - start} ms > ${bound} ms`] : [];
    });
    expect(late).toEqual([]);
  }

  /** The operator's part: resume every parked saga now that every participant is back. */
  async function retryParkedSagas(): Promise<void> {
    const parked = await shop.query<{ order_id: string }>(
      'order',
      `SELECT order_id FROM order_sagas WHERE status = 'COMPENSATION_FAILED'`,
    );
    for (const { order_id } of parked) {
      const answer = await shop.call('order', 'POST', `/admin/orders/${order_id}/saga/retry`, {});
      // 409: it took its late reply and ended by itself since the query above.
      expect([202, 409]).toContain(answer.status);
    }
    await eventually(
      'every saga has completed or been cancelled',
      async () =>
        (await sagaCount(['COMPLETED', 'CANCELLED'])) ===
        (await sagaCount([
          'RUNNING',
          'COMMITTING',
          'COMPENSATING',
          'COMPENSATION_FAILED',
          'COMPLETED',
          'CANCELLED',
        ])),
      worstCase + 60_000,
    );
  }

  /** One idempotency key, one order; every accepted order exists, and its saga ended with it. */
  async function ordersAndKeysAgree(accepted: Map<string, Set<string>>): Promise<void> {
    const answeredTwoOrders = [...accepted].filter(([, ids]) => ids.size !== 1);
    expect(answeredTwoOrders).toEqual([]);
    const orders = await shop.query<{ id: string; key: string; order: string; saga: string }>(
      'order',
      `SELECT o.id, o.idempotency_key AS key, o.status AS order, s.status AS saga
         FROM orders o LEFT JOIN order_sagas s ON s.order_id = o.id`,
    );
    const byId = new Map(orders.map((order) => [order.id, order]));
    const missing = [...accepted].filter(([key, ids]) => byId.get([...ids][0]!)?.key !== key);
    expect(missing).toEqual([]);
    const keys = orders.map((order) => order.key);
    expect(new Set(keys).size).toBe(keys.length);
    const mismatched = orders.filter(
      (o) =>
        !(o.order === 'CONFIRMED' && o.saga === 'COMPLETED') &&
        !(o.order === 'CANCELLED' && o.saga === 'CANCELLED'),
    );
    expect(mismatched).toEqual([]);
  }

  /**
   * Per product: nothing negative, nothing left reserved, on hand + sold = initial + restocks, and
   * sold = the units of the confirmed orders; each confirmed order's reservation committed, no
   * cancelled order's.
   */
  async function stockIsAccountedFor(productIds: string[], restocked: number[]): Promise<void> {
    const soldByOrders = await shop.query<{ product_id: string; units: string }>(
      'order',
      `SELECT l.product_id, sum(l.quantity) AS units FROM order_lines l
         JOIN orders o ON o.id = l.order_id WHERE o.status = 'CONFIRMED' GROUP BY l.product_id`,
    );
    for (const [index, productId] of productIds.entries()) {
      const [stock] = await shop.query<Record<string, number>>(
        'product',
        'SELECT on_hand, reserved, sold, received FROM inventory WHERE product_id = $1',
        [productId],
      );
      const confirmed = Number(
        soldByOrders.find((row) => row.product_id === productId)?.units ?? 0,
      );
      expect({ product: index, ...stock }).toEqual({
        product: index,
        on_hand: INITIAL_STOCK[index]! + restocked[index]! - confirmed,
        reserved: 0,
        sold: confirmed,
        received: INITIAL_STOCK[index]! + restocked[index]!,
      });
    }
    const confirmedOrders = await shop.query<{ id: string }>(
      'order',
      `SELECT id FROM orders WHERE status = 'CONFIRMED' ORDER BY id`,
    );
    const committed = await shop.query<{ id: string }>(
      'product',
      `SELECT order_id AS id FROM stock_reservations WHERE status IN ('COMMITTED', 'RESERVED')
        ORDER BY order_id`,
    );
    expect(committed).toEqual(confirmedOrders);
  }

  /** The coupon is held by exactly the confirmed orders that use it, never above its maximum. */
  async function couponIsHeldByConfirmedOrders(couponCode: string): Promise<void> {
    const confirmed = await shop.query<{ id: string }>(
      'order',
      `SELECT id FROM orders WHERE status = 'CONFIRMED' AND coupon_code = $1 ORDER BY id`,
      [couponCode],
    );
    const redeemed = await shop.query<{ id: string }>(
      'promotion',
      `SELECT order_id AS id FROM coupon_redemptions
        WHERE coupon_code = $1 AND status = 'REDEEMED' ORDER BY order_id`,
      [couponCode],
    );
    const [coupon] = await shop.query<{ active_redemptions: number }>(
      'promotion',
      'SELECT active_redemptions FROM coupons WHERE code = $1',
      [couponCode],
    );
    expect(redeemed).toEqual(confirmed);
    expect(coupon!.active_redemptions).toBe(confirmed.length);
    expect(confirmed.length).toBeLessThanOrEqual(COUPON_MAX_REDEMPTIONS);
  }

  /** A run that confirmed or cancelled nothing would prove nothing: say what it did. */
  async function theRunExercisedTheSaga(): Promise<void> {
    const outcomes = await shop.query<{ status: string; reason: string | null; n: string }>(
      'order',
      `SELECT status, cancellation_reason AS reason, count(*) AS n FROM orders
        GROUP BY status, cancellation_reason ORDER BY status, reason`,
    );
    process.stdout.write(
      `saga chaos, seed ${seed}: ${outcomes.map((o) => `${o.status} ${o.reason ?? ''} ${o.n}`).join(', ')}\n`,
    );
    const count = (status: string) =>
      outcomes.filter((o) => o.status === status).reduce((sum, o) => sum + Number(o.n), 0);
    expect(count('CONFIRMED')).toBeGreaterThan(0);
    expect(count('CANCELLED')).toBeGreaterThan(0);
  }
});

/** How many milliseconds [a, b] and [c, d] share. */
function overlap(a: number, b: number, c: number, d: number): number {
  return Math.max(0, Math.min(b, d) - Math.max(a, c));
}
