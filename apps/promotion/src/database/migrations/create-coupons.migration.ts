import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Coupons and their redemptions. `active_redemptions` counts the REDEEMED rows of a coupon; its
 * CHECK makes "never more than max_redemptions" hold in the database, whatever the code does.
 * A RELEASED row without `redeemed_at` is a tombstone: the order gave up the coupon before its
 * redemption arrived, and a late redemption for it must be refused.
 */
export class CreateCoupons1764100002000 implements MigrationInterface {
  name = 'CreateCoupons1764100002000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE coupons (
        code               text        PRIMARY KEY CHECK (code ~ '^[A-Z0-9_-]{3,32}$'),
        percent_off        integer     CHECK (percent_off BETWEEN 1 AND 100),
        amount_off         integer     CHECK (amount_off > 0),
        currency           char(3)     CHECK (currency ~ '^[A-Z]{3}$'),
        max_redemptions    integer     NOT NULL CHECK (max_redemptions > 0),
        per_customer_limit integer     CHECK (per_customer_limit > 0),
        valid_until        timestamptz,
        active_redemptions integer     NOT NULL DEFAULT 0,
        created_at         timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT coupons_one_discount CHECK ((percent_off IS NULL) <> (amount_off IS NULL)),
        CONSTRAINT coupons_currency_with_amount CHECK ((currency IS NULL) = (amount_off IS NULL)),
        CONSTRAINT coupons_within_redemption_limit
          CHECK (active_redemptions BETWEEN 0 AND max_redemptions)
      )`);
    await runner.query(`
      CREATE TABLE coupon_redemptions (
        coupon_code text        NOT NULL REFERENCES coupons (code),
        order_id    uuid        NOT NULL,
        customer_id text,
        status      text        NOT NULL CHECK (status IN ('REDEEMED', 'RELEASED')),
        redeemed_at timestamptz,
        released_at timestamptz,
        PRIMARY KEY (coupon_code, order_id),
        CONSTRAINT coupon_redemptions_redeemed_by_someone CHECK (
          (redeemed_at IS NULL) = (customer_id IS NULL)),
        CONSTRAINT coupon_redemptions_state CHECK (
          (status = 'REDEEMED' AND redeemed_at IS NOT NULL AND released_at IS NULL) OR
          (status = 'RELEASED' AND released_at IS NOT NULL))
      )`);
    // The per-customer limit counts a customer's held redemptions of a coupon.
    await runner.query(`
      CREATE INDEX coupon_redemptions_held_by_customer
          ON coupon_redemptions (coupon_code, customer_id) WHERE status = 'REDEEMED'`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE coupon_redemptions');
    await runner.query('DROP TABLE coupons');
  }
}
