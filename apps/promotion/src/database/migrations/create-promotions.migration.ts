import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Promotions. The rules the API validates are repeated here as constraints, so no code path can
 * store a promotion that pricing would misread.
 */
export class CreatePromotions1764100001000 implements MigrationInterface {
  name = 'CreatePromotions1764100001000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE promotions (
        id               uuid        PRIMARY KEY,
        description      text        NOT NULL CHECK (length(description) BETWEEN 1 AND 200),
        scope            text        NOT NULL CHECK (scope IN ('PRODUCT', 'CATEGORY', 'CART')),
        target_id        text,
        percent_off      integer     CHECK (percent_off BETWEEN 1 AND 100),
        amount_off       integer     CHECK (amount_off > 0),
        minimum_subtotal integer     CHECK (minimum_subtotal > 0),
        -- the currency of amount_off and minimum_subtotal; a percentage has none
        currency         char(3)     CHECK (currency ~ '^[A-Z]{3}$'),
        valid_from       timestamptz NOT NULL,
        valid_until      timestamptz,
        active           boolean     NOT NULL,
        created_at       timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT promotions_one_discount CHECK ((percent_off IS NULL) <> (amount_off IS NULL)),
        CONSTRAINT promotions_target_fits_scope CHECK ((scope = 'CART') = (target_id IS NULL)),
        CONSTRAINT promotions_minimum_for_carts CHECK (minimum_subtotal IS NULL OR scope = 'CART'),
        CONSTRAINT promotions_currency_when_amounts CHECK (
          (currency IS NULL) = (amount_off IS NULL AND minimum_subtotal IS NULL)),
        CONSTRAINT promotions_window CHECK (valid_until IS NULL OR valid_until > valid_from)
      )`);
    // Quotes look promotions up by what they target.
    await runner.query(`
      CREATE INDEX promotions_active_by_target ON promotions (scope, target_id) WHERE active`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE promotions');
  }
}
