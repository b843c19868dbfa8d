import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The outbox and inbox tables every service that produces or consumes events needs. Services list
 * this migration first among their own (see `apps/<app>/src/database/migrations`).
 */
export class CreateMessagingTables1764000000000 implements MigrationInterface {
  name = 'CreateMessagingTables1764000000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE outbox_messages (
        id            bigserial PRIMARY KEY,
        event_id      uuid        NOT NULL UNIQUE,
        topic         text        NOT NULL,
        message_key   text        NOT NULL,
        event_type    text        NOT NULL,
        envelope      jsonb       NOT NULL,
        created_at    timestamptz NOT NULL DEFAULT now(),
        published_at  timestamptz
      )`);
    // The relay only ever looks for unpublished rows, oldest first.
    await runner.query(`
      CREATE INDEX outbox_messages_unpublished ON outbox_messages (id) WHERE published_at IS NULL`);
    await runner.query(`
      CREATE TABLE inbox_messages (
        consumer_group text        NOT NULL,
        event_id       uuid        NOT NULL,
        event_type     text        NOT NULL,
        processed_at   timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (consumer_group, event_id)
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE inbox_messages');
    await runner.query('DROP TABLE outbox_messages');
  }
}
