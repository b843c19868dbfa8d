import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One row per order that ever asked for stock (or had it released first), keyed by the order id:
 * that key is what makes reserve, release and commit idempotent. Lines name no foreign key, because
 * a failed reservation keeps the unknown product ids it was refused for.
 */
export class CreateStockReservations1764100002000 implements MigrationInterface {
  name = 'CreateStockReservations1764100002000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE stock_reservations (
        order_id            uuid        PRIMARY KEY,
        status              text        NOT NULL
                              CHECK (status IN ('RESERVED', 'COMMITTED', 'RELEASED', 'FAILED')),
        failure_reason      text        CHECK (failure_reason IN ('OUT_OF_STOCK', 'UNKNOWN_PRODUCT')),
        failure_product_ids uuid[],
        created_at          timestamptz NOT NULL DEFAULT now(),
        updated_at          timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT stock_reservations_failure_iff_failed CHECK (
          (status = 'FAILED') = (failure_reason IS NOT NULL AND failure_product_ids IS NOT NULL)
        )
      )`);
    await runner.query(`
      CREATE TABLE stock_reservation_lines (
        order_id   uuid    NOT NULL REFERENCES stock_reservations (order_id),
        product_id uuid    NOT NULL,
        quantity   integer NOT NULL CHECK (quantity > 0),
        PRIMARY KEY (order_id, product_id)
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE stock_reservation_lines');
    await runner.query('DROP TABLE stock_reservations');
  }
}
