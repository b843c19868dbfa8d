import { randomUUID } from 'node:crypto';
import { type PayloadOf, RedeemCoupon, ReleaseCoupon } from '#libs/contracts';
import { sagaParticipantUnderTest } from '../../../../../test/support/saga-participant.js';
import { uniqueCode } from '../../../test/promotion-test-app.js';
import { promotionService } from '../../promotion.service.js';

/**
 * The promotion service as the order saga's participant: commands sent on the real
 * `promotion.commands` topic, answers read from the service's outbox, where they are written with
 * the change. The relay is off, so this suite never answers on `promotion.events` for the orders
 * of other suites (its consumer group, its own, reads every command on the topic).
 */
describe('coupon redemptions as saga commands', () => {
  const participant = sagaParticipantUnderTest(promotionService, {
    CATALOG_CONSUMER_GROUP: `promotion.catalog.test-${randomUUID()}`,
  });
  const { call, sent } = participant;

  afterEach(async () => {
    expect(await call('DELETE', '/admin/faults')).toEqual({ status: 200, body: {} });
  });

  /** Every answer about the order, in the order written (coupon facts are keyed by coupon). */
  const answers = async (orderId: string) => {
    const rows: { type: string; payload: Record<string, unknown> }[] =
      await participant.dataSource.query(
        `SELECT event_type AS type, envelope->'payload' AS payload FROM outbox_messages
        WHERE envelope->'payload'->>'orderId' = $1 ORDER BY id`,
        [orderId],
      );
    return rows;
  };

  async function createCoupon(fields: Record<string, unknown> = {}): Promise<string> {
    const code = uniqueCode('SAGA');
    const created = await call('POST', '/coupons', {
      code,
      percentOff: 10,
      maxRedemptions: 5,
      ...fields,
    });
    expect(created.status).toBe(201);
    return code;
  }

  const redemptionsOf = async (code: string) =>
    (await call('GET', `/coupons/${code}`)).body.redemptions;
  const redeemCommand = (couponCode: string, orderId = randomUUID()) => ({
    orderId,
    customerId: `c-${randomUUID()}`,
    couponCode,
  });
  const redeemed = (command: PayloadOf<typeof RedeemCoupon>) => ({
    type: 'CouponRedeemed',
    payload: command,
  });
  const refused = (command: PayloadOf<typeof RedeemCoupon>, reason: string) => ({
    type: 'CouponRedemptionRefused',
    payload: { couponCode: command.couponCode, orderId: command.orderId, reason },
  });
  const released = (couponCode: string, orderId: string) => ({
    type: 'CouponReleased',
    payload: { couponCode, orderId },
  });

  it('answers RedeemCoupon with CouponRedeemed and counts the redemption', async () => {
    const code = await createCoupon();
    const command = redeemCommand(code);

    await sent(RedeemCoupon, command);

    expect(await answers(command.orderId)).toEqual([redeemed(command)]);
    expect(await redemptionsOf(code)).toBe(1);
  });

  it('answers a resent RedeemCoupon with the same CouponRedeemed, redeeming once', async () => {
    const code = await createCoupon();
    const command = redeemCommand(code);

    await sent(RedeemCoupon, command);
    await sent(RedeemCoupon, command);

    expect(await answers(command.orderId)).toEqual([redeemed(command), redeemed(command)]);
    expect(await redemptionsOf(code)).toBe(1);
  });

  it('refuses an exhausted coupon and repeats the refusal for a resend, even once a slot is free', async () => {
    const code = await createCoupon({ maxRedemptions: 1 });
    const winner = redeemCommand(code);
    const loser = redeemCommand(code);

    await sent(RedeemCoupon, winner);
    await sent(RedeemCoupon, loser);
    await sent(ReleaseCoupon, { orderId: winner.orderId, couponCode: code });
    await sent(RedeemCoupon, loser);

    expect(await answers(loser.orderId)).toEqual([
      refused(loser, 'PROMOTION.COUPON_EXHAUSTED'),
      refused(loser, 'PROMOTION.COUPON_EXHAUSTED'),
    ]);
    expect(await redemptionsOf(code)).toBe(0);
  });

  it('refuses an unknown coupon with its stable code', async () => {
    const command = redeemCommand(uniqueCode('NOPE'));

    await sent(RedeemCoupon, command);

    expect(await answers(command.orderId)).toEqual([refused(command, 'PROMOTION.COUPON_UNKNOWN')]);
  });

  it('leaves a tombstone for a release before its redemption and refuses the late redemption', async () => {
    const code = await createCoupon();
    const command = redeemCommand(code);

    await sent(ReleaseCoupon, { orderId: command.orderId, couponCode: code });
    await sent(RedeemCoupon, command);

    expect(await answers(command.orderId)).toEqual([
      released(code, command.orderId),
      refused(command, 'PROMOTION.REDEMPTION_RELEASED'),
    ]);
    expect(await redemptionsOf(code)).toBe(0);
  });

  it('gives a redemption back once for a release sent twice, answering CouponReleased both times', async () => {
    const code = await createCoupon();
    const command = redeemCommand(code);

    await sent(RedeemCoupon, command);
    await sent(ReleaseCoupon, { orderId: command.orderId, couponCode: code });
    await sent(ReleaseCoupon, { orderId: command.orderId, couponCode: code });

    expect(await answers(command.orderId)).toEqual([
      redeemed(command),
      released(code, command.orderId),
      released(code, command.orderId),
    ]);
    expect(await redemptionsOf(code)).toBe(0);
  });

  it('answers a release of a coupon that does not exist, since nothing is held', async () => {
    const orderId = randomUUID();
    const code = uniqueCode('NOPE');

    await sent(ReleaseCoupon, { orderId, couponCode: code });

    expect(await answers(orderId)).toEqual([released(code, orderId)]);
  });

  describe('with faults switched on', () => {
    it('refuses exactly the next N redemptions, and a resend of one of them again', async () => {
      const code = await createCoupon();
      const put = await call('PUT', '/admin/faults', { redeemCoupon: { mode: 'fail', next: 1 } });
      expect(put).toEqual({ status: 200, body: { redeemCoupon: { mode: 'fail', next: 1 } } });
      const [first, second] = [redeemCommand(code), redeemCommand(code)];

      await sent(RedeemCoupon, first);
      await sent(RedeemCoupon, second);
      await sent(RedeemCoupon, first);

      expect(await answers(first.orderId)).toEqual([
        refused(first, 'PROMOTION.INJECTED_FAULT'),
        refused(first, 'PROMOTION.INJECTED_FAULT'),
      ]);
      expect(await answers(second.orderId)).toEqual([redeemed(second)]);
      expect(await redemptionsOf(code)).toBe(1);
    });

    it('answers nothing when told not to reply, and serves the resend normally', async () => {
      const code = await createCoupon();
      await call('PUT', '/admin/faults', { redeemCoupon: { mode: 'no-reply', percent: 100 } });
      const command = redeemCommand(code);

      await sent(RedeemCoupon, command);
      expect(await answers(command.orderId)).toEqual([]);
      expect(await redemptionsOf(code)).toBe(0);

      await call('PUT', '/admin/faults', { redeemCoupon: null });
      await sent(RedeemCoupon, command);
      expect(await answers(command.orderId)).toEqual([redeemed(command)]);
    });

    it('never faults a release', async () => {
      const code = await createCoupon();
      const command = redeemCommand(code);
      await sent(RedeemCoupon, command);
      await call('PUT', '/admin/faults', { redeemCoupon: { mode: 'no-reply' } });

      await sent(ReleaseCoupon, { orderId: command.orderId, couponCode: code });

      expect(await answers(command.orderId)).toEqual([
        redeemed(command),
        released(code, command.orderId),
      ]);
    });
  });
});
