import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Categories and products, with a full-text search vector over SKU, name and description. */
export class CreateCatalog1764100000000 implements MigrationInterface {
  name = 'CreateCatalog1764100000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE categories (
        id   text PRIMARY KEY CHECK (id ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
        name text NOT NULL UNIQUE CHECK (btrim(name) <> '')
      )`);
    await runner.query(`
      CREATE TABLE products (
        id             uuid        PRIMARY KEY,
        sku            text        NOT NULL UNIQUE CHECK (sku ~ '^[A-Z0-9]+(-[A-Z0-9]+)*$'),
        name           text        NOT NULL CHECK (btrim(name) <> ''),
        description    text        NOT NULL,
        category_id    text        NOT NULL REFERENCES categories (id),
        price_amount   integer     NOT NULL CHECK (price_amount >= 0),
        price_currency text        NOT NULL CHECK (price_currency ~ '^[A-Z]{3}$'),
        attributes     jsonb       NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(attributes) = 'object'),
        image_url      text,
        created_at     timestamptz NOT NULL DEFAULT now(),
        updated_at     timestamptz NOT NULL DEFAULT now(),
        -- Kept by PostgreSQL itself, so it can never disagree with the columns it is made of.
        -- SKU and name weigh more than the description when ranking by relevance.
        search_vector  tsvector    GENERATED ALWAYS AS (
          setweight(to_tsvector('english'::regconfig, sku), 'A') ||
          setweight(to_tsvector('english'::regconfig, name), 'A') ||
          setweight(to_tsvector('english'::regconfig, description), 'B')
        ) STORED
      )`);
    await runner.query('CREATE INDEX products_search ON products USING gin (search_vector)');
    await runner.query('CREATE INDEX products_category ON products (category_id)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE products');
    await runner.query('DROP TABLE categories');
  }
}
