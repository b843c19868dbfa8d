import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The whole read model: a copy of the catalog and the purchase statistics. No foreign keys from
 * the statistics to the catalog on purpose: order events and product events travel on different
 * topics, so an order may be counted before its products are known here.
 */
export class CreateReadModel1764100000000 implements MigrationInterface {
  name = 'CreateReadModel1764100000000';

  async up(runner: QueryRunner): Promise<void> {
    // Only what recommendations show. `last_event_at` lets a replayed old event lose against a
    // newer state instead of overwriting it.
    await runner.query(`
      CREATE TABLE catalog_products (
        product_id     uuid        PRIMARY KEY,
        name           text        NOT NULL,
        category_id    text        NOT NULL,
        price_amount   bigint      NOT NULL CHECK (price_amount >= 0),
        price_currency text        NOT NULL CHECK (price_currency ~ '^[A-Z]{3}$'),
        last_event_at  timestamptz NOT NULL
      )`);
    await runner.query('CREATE INDEX catalog_products_category ON catalog_products (category_id)');

    await runner.query(`
      CREATE TABLE product_popularity (
        product_id uuid   PRIMARY KEY,
        units_sold bigint NOT NULL CHECK (units_sold > 0)
      )`);
    await runner.query(
      'CREATE INDEX product_popularity_ranking ON product_popularity (units_sold DESC)',
    );

    // One row per direction: (A, B) and (B, A) both exist, so "bought with A" is one index range.
    await runner.query(`
      CREATE TABLE co_purchases (
        product_id     uuid    NOT NULL,
        bought_with_id uuid    NOT NULL,
        orders         integer NOT NULL CHECK (orders > 0),
        PRIMARY KEY (product_id, bought_with_id),
        CHECK (product_id <> bought_with_id)
      )`);

    await runner.query(`
      CREATE TABLE customer_purchases (
        customer_id text   NOT NULL,
        product_id  uuid   NOT NULL,
        units       bigint NOT NULL CHECK (units > 0),
        PRIMARY KEY (customer_id, product_id)
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE customer_purchases');
    await runner.query('DROP TABLE co_purchases');
    await runner.query('DROP TABLE product_popularity');
    await runner.query('DROP TABLE catalog_products');
  }
}
