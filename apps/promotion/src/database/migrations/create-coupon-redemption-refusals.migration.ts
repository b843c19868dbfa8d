import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The saga's refused redemptions, with the reason given. A resent RedeemCoupon for a refused order
 * gets the same refusal from here instead of a second try: a redemption that succeeded later, for
 * an order whose saga already compensated, would hold a slot no confirmed order uses. No foreign
 * key: an unknown coupon code is refused (and remembered) too.
 */
export class CreateCouponRedemptionRefusals1764100003000 implements MigrationInterface {
  name = 'CreateCouponRedemptionRefusals1764100003000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE coupon_redemption_refusals (
        coupon_code text        NOT NULL,
        order_id    uuid        NOT NULL,
        reason      text        NOT NULL,
        refused_at  timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (coupon_code, order_id)
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE coupon_redemption_refusals');
  }
}
