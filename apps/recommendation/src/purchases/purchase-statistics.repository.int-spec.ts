import { randomUUID } from 'node:crypto';
import { OrderConfirmed, type EventEnvelope, type PayloadOf } from '#libs/contracts';
import { isolatedDatabase } from '../../../../test/support/isolated-database.js';
import { CreateReadModel1764100000000 } from '../database/migrations/create-read-model.migration.js';
import { PurchaseStatisticsRepository } from './purchase-statistics.repository.js';
import { RecordPurchasesWhenOrderConfirmed } from './record-purchases/record-purchases-when-order-confirmed.handler.js';

type OrderLines = PayloadOf<typeof OrderConfirmed>['lines'];

/** An OrderConfirmed envelope, as the consumer hands it to the handler after validation. */
function orderConfirmed(customerId: string, lines: OrderLines) {
  const orderId = randomUUID();
  const envelope: EventEnvelope<PayloadOf<typeof OrderConfirmed>> = {
    id: randomUUID(),
    type: OrderConfirmed.type,
    version: OrderConfirmed.version,
    occurredAt: new Date().toISOString(),
    source: 'order',
    key: orderId,
    payload: { orderId, customerId, lines, total: { amount: 0, currency: 'EUR' } },
  };
  return envelope;
}

const line = (productId: string, quantity = 1) => ({
  productId,
  quantity,
  unitPrice: { amount: 1_000, currency: 'EUR' },
});

describe('purchase statistics on real PostgreSQL', () => {
  let database: Awaited<ReturnType<typeof isolatedDatabase>>;
  const handler = new RecordPurchasesWhenOrderConfirmed(new PurchaseStatisticsRepository());

  beforeAll(async () => {
    database = await isolatedDatabase([CreateReadModel1764100000000]);
  }, 60_000);

  afterAll(async () => {
    await database?.close();
  });

  const record = (event: ReturnType<typeof orderConfirmed>) =>
    database.dataSource.transaction((transaction) => handler.handle(event, transaction));

  async function pairCount(productId: string, boughtWithId: string): Promise<number> {
    const [row] = await database.dataSource.query(
      'SELECT orders FROM co_purchases WHERE product_id = $1 AND bought_with_id = $2',
      [productId, boughtWithId],
    );
    return row?.orders ?? 0;
  }

  async function unitsSold(productId: string): Promise<number> {
    const [row] = await database.dataSource.query(
      'SELECT units_sold FROM product_popularity WHERE product_id = $1',
      [productId],
    );
    return Number(row?.units_sold ?? 0);
  }

  it('records pairs both ways, units sold and the customer’s history', async () => {
    const [a, b] = [randomUUID(), randomUUID()];
    const customer = `customer-${randomUUID()}`;

    await record(orderConfirmed(customer, [line(a, 2), line(b, 1)]));

    expect([await pairCount(a, b), await pairCount(b, a)]).toEqual([1, 1]);
    expect([await unitsSold(a), await unitsSold(b)]).toEqual([2, 1]);
    const history = await database.dataSource.query(
      'SELECT product_id, units FROM customer_purchases WHERE customer_id = $1 ORDER BY units',
      [customer],
    );
    expect(history).toEqual([
      { product_id: b, units: '1' },
      { product_id: a, units: '2' },
    ]);
  });

  it('loses no increment when many orders for the same products are recorded at once', async () => {
    const [a, b, c] = [randomUUID(), randomUUID(), randomUUID()];
    const orders = Array.from({ length: 24 }, (_, n) =>
      // Lines in varying order: locks must still be taken in one order, or orders deadlock.
      orderConfirmed(
        `customer-${n % 3}`,
        n % 2 ? [line(a), line(b), line(c)] : [line(c), line(b), line(a)],
      ),
    );

    const outcomes = await Promise.allSettled(orders.map(record));

    expect(outcomes.filter((outcome) => outcome.status === 'rejected')).toEqual([]);
    for (const [x, y] of [
      [a, b],
      [b, a],
      [a, c],
      [c, a],
      [b, c],
      [c, b],
    ] as const) {
      expect(await pairCount(x, y)).toBe(24);
    }
    expect(await unitsSold(c)).toBe(24);
  }, 30_000);

  it('counts the units of a single-product order without pairing the product with itself', async () => {
    const a = randomUUID();

    await record(orderConfirmed('solo', [line(a, 3), line(a, 1)]));

    expect(await unitsSold(a)).toBe(4);
    const [{ count }] = await database.dataSource.query(
      'SELECT count(*)::int AS count FROM co_purchases WHERE product_id = $1',
      [a],
    );
    expect(count).toBe(0);
  });
});
