import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A reservation refused by an admin's fault switch (docs/fault-injection.md) is recorded like any
 * other refusal, `FAILED` with its reason, so that a resent ReserveStock gets the same answer and
 * never reserves later for an order whose saga already gave up.
 */
export class AllowInjectedFaultFailures1764100003000 implements MigrationInterface {
  name = 'AllowInjectedFaultFailures1764100003000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ALTER TABLE stock_reservations
        DROP CONSTRAINT stock_reservations_failure_reason_check,
        ADD CONSTRAINT stock_reservations_failure_reason_check
          CHECK (failure_reason IN ('OUT_OF_STOCK', 'UNKNOWN_PRODUCT', 'INJECTED_FAULT'))`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ALTER TABLE stock_reservations
        DROP CONSTRAINT stock_reservations_failure_reason_check,
        ADD CONSTRAINT stock_reservations_failure_reason_check
          CHECK (failure_reason IN ('OUT_OF_STOCK', 'UNKNOWN_PRODUCT'))`);
  }
}
