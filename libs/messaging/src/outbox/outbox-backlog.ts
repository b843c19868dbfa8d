import type { DataSource, EntityManager } from 'typeorm';

/** What waits in the outbox for the relay. */
export interface OutboxBacklog {
  unpublished: number;
  /** Seconds since the oldest unpublished row was written; 0 when nothing waits. */
  oldestAgeSeconds: number;
}

/** Reads the backlog, visiting only unpublished rows (through their partial index). */
export async function readOutboxBacklog(db: DataSource | EntityManager): Promise<OutboxBacklog> {
  const [row] = await db.query(
    `SELECT count(*)::int AS unpublished,
            coalesce(extract(epoch FROM clock_timestamp() - min(created_at)), 0)::float8 AS age
       FROM outbox_messages WHERE published_at IS NULL`,
  );
  return { unpublished: row.unpublished, oldestAgeSeconds: row.age };
}
