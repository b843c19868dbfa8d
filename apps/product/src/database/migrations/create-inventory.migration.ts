import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Stock per product. `on_hand` counts every unit in the warehouse, reserved ones included, so the
 * available stock is `on_hand - reserved`. The constraints are the invariants, held by the
 * database whatever the code (or a hand-written UPDATE) does:
 * - available stock is never negative (`reserved <= on_hand`);
 * - every unit ever received is either still on hand or sold (`on_hand + sold = received`).
 */
export class CreateInventory1764100001000 implements MigrationInterface {
  name = 'CreateInventory1764100001000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE inventory (
        product_id uuid    PRIMARY KEY REFERENCES products (id),
        on_hand    integer NOT NULL CHECK (on_hand >= 0),
        reserved   integer NOT NULL DEFAULT 0 CHECK (reserved >= 0),
        sold       integer NOT NULL DEFAULT 0 CHECK (sold >= 0),
        received   integer NOT NULL CHECK (received >= 0),
        CONSTRAINT inventory_available_never_negative CHECK (reserved <= on_hand),
        CONSTRAINT inventory_every_unit_accounted_for CHECK (on_hand + sold = received)
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE inventory');
  }
}
