import { demoCatalog, demoSku } from '#libs/demo-data';
import { isolatedDatabase } from '../../../../test/support/isolated-database.js';
import { type PromotionTestApp, startPromotionApp } from '../../test/promotion-test-app.js';
import { percentOf } from '../pricing/domain/percent-of.js';
import { DEMO_COUPONS } from './demo-coupons.js';
import { DemoDataSeeder } from './demo-data.seeder.js';
import { DEMO_PROMOTIONS } from './demo-promotions.js';

describe('the demo seed on real PostgreSQL', () => {
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

  const countOf = async (sql: string) =>
    ((await database.dataSource.query(sql)) as { count: number }[])[0]!.count;
  const stored = () =>
    Promise.all([
      countOf('SELECT count(*)::int AS count FROM promotions'),
      countOf('SELECT count(*)::int AS count FROM coupons'),
      // Only the seed's own announcements: this app also answers saga commands other suites send.
      countOf(
        `SELECT count(*)::int AS count FROM outbox_messages WHERE event_type = 'PromotionChanged'`,
      ),
    ]);

  it('loads the demo promotions and coupons on first start and announces the promotions', async () => {
    expect(await stored()).toEqual([
      DEMO_PROMOTIONS.length,
      DEMO_COUPONS.length,
      DEMO_PROMOTIONS.length,
    ]);
    expect((await app.get('/coupons/welcome10')).body).toMatchObject({
      percentOff: 10,
      perCustomerLimit: 1,
      redemptions: 0,
    });
    expect((await app.get('/coupons/LIMITED1')).body.maxRedemptions).toBe(1);
    expect((await app.get('/coupons/SAVE5')).body.amountOff).toEqual({
      amount: 500,
      currency: 'EUR',
    });
    expect((await app.get('/coupons/EXPIRED15')).body.validUntil).toBe('2025-01-01T00:00:00.000Z');
  });

  it('gives a demo product the best of its product and category promotions', async () => {
    const product = demoCatalog().find((p) => p.sku === demoSku('ELEC', 1))!;
    await app.knowProduct({
      productId: product.id,
      categoryId: product.categoryId,
      price: product.price,
    });

    const listed = await app.get(`/promotions?productId=${product.id}`);
    const quoted = await app.post('/quotes', { lines: [{ productId: product.id, quantity: 1 }] });

    expect(listed.body.items.map((p: { description: string }) => p.description)).toEqual([
      '€5 off this item',
      '5% off electronics',
      '5% off carts of €100 or more',
    ]);
    const best = Math.max(500, percentOf(product.price.amount, 5));
    expect(quoted.body.lines[0].discounts.map((d: { amount: unknown }) => d.amount)).toEqual([
      { amount: best, currency: 'EUR' },
    ]);
  });

  it('adds and announces nothing more when the service starts again', async () => {
    const before = await stored();

    // What the next start (or a second replica) does; the metrics registry is global to the
    // process, so a second app cannot start here.
    await app.provider(DemoDataSeeder).onApplicationBootstrap();

    expect(await stored()).toEqual(before);
  });
});
