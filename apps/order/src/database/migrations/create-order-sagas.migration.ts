import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The placement saga of each order: where it stands (one row, updated in the same transaction as
 * the command it sends) and its timeline (append-only). The database refuses a saga that is
 * waiting on nothing while unfinished, or a finished one that still has a deadline.
 */
export class CreateOrderSagas1764200000000 implements MigrationInterface {
  name = 'CreateOrderSagas1764200000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE order_sagas (
        order_id           uuid        PRIMARY KEY REFERENCES orders (id),
        status             text        NOT NULL CHECK (status IN ('RUNNING', 'COMMITTING',
                                         'COMPENSATING', 'COMPENSATION_FAILED', 'COMPLETED', 'CANCELLED')),
        has_coupon         boolean     NOT NULL,
        step               text        CHECK (step IN ('reserve-stock', 'redeem-coupon',
                                         'commit-stock', 'release-coupon', 'release-stock')),
        attempt            integer     NOT NULL CHECK (attempt >= 1),
        compensations_left text[]      NOT NULL DEFAULT '{}',
        reason             text,
        started_at         timestamptz NOT NULL,
        deadline           timestamptz NOT NULL,
        next_action_at     timestamptz,
        updated_at         timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT order_sagas_step_until_finished
          CHECK ((status IN ('COMPLETED', 'CANCELLED')) = (step IS NULL)),
        -- Only a saga that waits for a reply has a deadline; a parked one waits for an admin.
        CONSTRAINT order_sagas_deadline_while_waiting
          CHECK ((status IN ('RUNNING', 'COMMITTING', 'COMPENSATING')) = (next_action_at IS NOT NULL))
      )`);
    // The sweeper's query: the sagas whose step is due, soonest first.
    await runner.query(
      'CREATE INDEX order_sagas_due ON order_sagas (next_action_at) WHERE next_action_at IS NOT NULL',
    );
    await runner.query(
      `CREATE INDEX order_sagas_parked ON order_sagas (order_id) WHERE status = 'COMPENSATION_FAILED'`,
    );

    await runner.query(`
      CREATE TABLE order_saga_steps (
        id       bigserial   PRIMARY KEY,
        order_id uuid        NOT NULL REFERENCES order_sagas (order_id),
        step     text        NOT NULL,
        kind     text        NOT NULL CHECK (kind IN ('run', 'compensate')),
        outcome  text        NOT NULL,
        reason   text,
        attempt  integer     NOT NULL CHECK (attempt >= 1),
        at       timestamptz NOT NULL
      )`);
    await runner.query('CREATE INDEX order_saga_steps_of_order ON order_saga_steps (order_id, id)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE order_saga_steps');
    await runner.query('DROP TABLE order_sagas');
  }
}
