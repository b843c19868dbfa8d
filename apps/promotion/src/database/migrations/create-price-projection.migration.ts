import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The list prices pricing works from: a projection of the product service's events, never a
 * synchronous call. `last_event_at` lets a replayed old event lose against a newer state.
 */
export class CreatePriceProjection1764100000000 implements MigrationInterface {
  name = 'CreatePriceProjection1764100000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE catalog_products (
        product_id        uuid        PRIMARY KEY,
        category_id       text        NOT NULL,
        list_price_amount integer     NOT NULL CHECK (list_price_amount >= 0),
        currency          char(3)     NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
        last_event_at     timestamptz NOT NULL
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE catalog_products');
  }
}
