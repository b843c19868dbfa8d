import { randomUUID } from 'node:crypto';
import { isolatedDatabase } from '../../../../test/support/isolated-database.js';
import { eventually } from '../../../../test/support/poll.js';
import {
  euros,
  type PromotionTestApp,
  startPromotionApp,
  uniqueCode,
} from '../../test/promotion-test-app.js';

describe('coupons on real PostgreSQL', () => {
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

  async function createCoupon(fields: Record<string, unknown> = {}): Promise<string> {
    const code = uniqueCode('T');
    const created = await app.post('/coupons', {
      code,
      percentOff: 10,
      maxRedemptions: 5,
      ...fields,
    });
    expect(created.status).toBe(201);
    return code;
  }

  const redeem = (code: string, orderId = randomUUID(), customerId = `c-${randomUUID()}`) =>
    app.post(`/coupons/${code}/redemptions`, { orderId, customerId });
  const release = (code: string, orderId: string) =>
    app.post(`/coupons/${code}/redemptions/${orderId}/release`);
  const redemptionsOf = async (code: string) =>
    (await app.get(`/coupons/${code}`)).body.redemptions;

  describe('admin', () => {
    it('creates a coupon under its upper-case code and reads it back in any case', async () => {
      const code = uniqueCode('new');
      const created = await app.post('/coupons', {
        code: code.toLowerCase(),
        amountOff: euros(500),
        maxRedemptions: 100,
        perCustomerLimit: 2,
        validUntil: '2099-12-31T23:00:00Z',
      });
      const read = await app.get(`/coupons/${code.toLowerCase()}`);

      const expected = {
        code,
        percentOff: null,
        amountOff: euros(500),
        maxRedemptions: 100,
        perCustomerLimit: 2,
        validUntil: '2099-12-31T23:00:00.000Z',
        redemptions: 0,
      };
      expect(created).toMatchObject({ status: 201, body: expected });
      expect(read).toMatchObject({ status: 200, body: expected });
    });

    it('refuses a code that exists in another letter case', async () => {
      const code = await createCoupon();

      const again = await app.post('/coupons', {
        code: code.toLowerCase(),
        percentOff: 50,
        maxRedemptions: 1,
      });

      expect(again.status).toBe(409);
      expect(again.body.code).toBe('PROMOTION.COUPON_CODE_TAKEN');
      expect((await app.get(`/coupons/${code}`)).body.percentOff).toBe(10);
    });

    it.each([
      ['both discounts', { percentOff: 10, amountOff: euros(100) }, 'body.percentOff'],
      ['no discount', {}, 'body.percentOff'],
      ['a percentage over 100', { percentOff: 101 }, 'body.percentOff'],
      ['a fractional amount', { amountOff: euros(1.5) }, 'body.amountOff.amount'],
      ['no redemptions', { percentOff: 10, maxRedemptions: 0 }, 'body.maxRedemptions'],
      ['a malformed code', { percentOff: 10, code: 'no spaces' }, 'body.code'],
      [
        'a date that is not ISO 8601',
        { percentOff: 10, validUntil: 'tomorrow' },
        'body.validUntil',
      ],
    ])('answers 400 naming the field for %s', async (_, fields, field) => {
      const response = await app.post('/coupons', {
        code: uniqueCode('bad'),
        maxRedemptions: 5,
        ...fields,
      });

      expect(response.status).toBe(400);
      expect(response.contentType).toContain('application/problem+json');
      expect(response.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    });

    it('answers 404 for an unknown coupon', async () => {
      const response = await app.get(`/coupons/${uniqueCode('none')}`);

      expect(response.status).toBe(404);
      expect(response.body.code).toBe('PROMOTION.COUPON_UNKNOWN');
    });
  });

  describe('redemption', () => {
    it('redeems once per order: a repeat answers 200 with the same redemption', async () => {
      const code = await createCoupon();
      const orderId = randomUUID();

      const first = await redeem(code, orderId, 'alice');
      const repeat = await redeem(code, orderId, 'alice');

      expect(first).toMatchObject({ status: 201, body: { code, orderId, status: 'REDEEMED' } });
      expect(repeat).toMatchObject({ status: 200, body: first.body });
      expect(await redemptionsOf(code)).toBe(1);
      expect(await app.outbox('CouponRedeemed', code)).toEqual([
        { payload: { couponCode: code, orderId, customerId: 'alice' } },
      ]);
    });

    it('lets exactly one of many concurrent orders take the last redemption', async () => {
      const code = await createCoupon({ maxRedemptions: 1 });
      // Make the race certain rather than likely: hold the coupon's row, as a slow redemption
      // would, until every request is waiting on it, then let them all go at once.
      const holder = database.dataSource.createQueryRunner();
      await holder.connect();
      await holder.startTransaction();
      await holder.query('SELECT 1 FROM coupons WHERE code = $1 FOR UPDATE', [code]);

      const racing = Promise.all(Array.from({ length: 8 }, () => redeem(code)));
      await eventually('all eight redemptions wait for the coupon', async () => {
        const [{ waiting }] = await database.dataSource.query(
          `SELECT count(*)::int AS waiting FROM pg_stat_activity
            WHERE datname = current_database() AND wait_event_type = 'Lock'`,
        );
        return waiting === 8;
      });
      await holder.commitTransaction();
      await holder.release();
      const responses = await racing;

      expect(responses.map((response) => response.status).sort()).toEqual([
        201, 409, 409, 409, 409, 409, 409, 409,
      ]);
      for (const lost of responses.filter((response) => response.status === 409)) {
        expect(lost.body.code).toBe('PROMOTION.COUPON_EXHAUSTED');
      }
      expect(await redemptionsOf(code)).toBe(1);
      expect(await app.outbox('CouponRedeemed', code)).toHaveLength(1);
    });

    it('refuses a customer beyond the per-customer limit', async () => {
      const code = await createCoupon({ perCustomerLimit: 1 });
      await redeem(code, randomUUID(), 'bob');

      const second = await redeem(code, randomUUID(), 'bob');

      expect(second.status).toBe(409);
      expect(second.body.code).toBe('PROMOTION.COUPON_CUSTOMER_LIMIT');
      expect((await redeem(code, randomUUID(), 'carol')).status).toBe(201);
    });

    it('refuses an expired coupon with 422', async () => {
      const response = await redeem('EXPIRED15'); // seeded, expired on 2025-01-01

      expect(response.status).toBe(422);
      expect(response.body.code).toBe('PROMOTION.COUPON_EXPIRED');
    });

    it('refuses an unknown coupon with 422', async () => {
      const response = await redeem(uniqueCode('none'));

      expect(response.status).toBe(422);
      expect(response.body.code).toBe('PROMOTION.COUPON_UNKNOWN');
    });

    it('answers 400 for a redemption without a valid order id', async () => {
      const code = await createCoupon();

      const response = await app.post(`/coupons/${code}/redemptions`, {
        orderId: 'order-1',
        customerId: 'alice',
      });

      expect(response.status).toBe(400);
      expect(response.body.errors.map((e: { field: string }) => e.field)).toEqual(['body.orderId']);
    });
  });

  describe('release', () => {
    it('frees the slot once, however often it is called', async () => {
      const code = await createCoupon({ maxRedemptions: 1 });
      const orderId = randomUUID();
      await redeem(code, orderId);

      const first = await release(code, orderId);
      const repeat = await release(code, orderId);

      expect(first).toMatchObject({ status: 200, body: { code, orderId, status: 'RELEASED' } });
      expect(repeat).toMatchObject({ status: 200, body: first.body });
      expect(await redemptionsOf(code)).toBe(0);
      expect(await app.outbox('CouponReleased', code)).toEqual([
        { payload: { couponCode: code, orderId } },
      ]);
      expect((await redeem(code)).status).toBe(201); // the freed slot is usable again
    });

    it('refuses to redeem again for an order that released the coupon', async () => {
      const code = await createCoupon();
      const orderId = randomUUID();
      await redeem(code, orderId);
      await release(code, orderId);

      const again = await redeem(code, orderId);

      expect(again.status).toBe(409);
      expect(again.body.code).toBe('PROMOTION.REDEMPTION_RELEASED');
    });

    it('records a tombstone for an unknown order, so that its late redemption is refused', async () => {
      const code = await createCoupon({ maxRedemptions: 1 });
      const orderId = randomUUID();

      const released = await release(code, orderId);
      const late = await redeem(code, orderId);

      expect(released).toMatchObject({ status: 200, body: { code, orderId, status: 'RELEASED' } });
      expect(late.status).toBe(409);
      expect(late.body.code).toBe('PROMOTION.REDEMPTION_RELEASED');
      expect(await redemptionsOf(code)).toBe(0);
      expect(await app.outbox('CouponReleased', code)).toEqual([]); // nothing was given back
      expect((await redeem(code)).status).toBe(201); // the slot was never taken
    });

    it('refuses to release an unknown coupon with 422', async () => {
      const response = await release(uniqueCode('none'), randomUUID());

      expect(response.status).toBe(422);
      expect(response.body.code).toBe('PROMOTION.COUPON_UNKNOWN');
    });
  });
});
