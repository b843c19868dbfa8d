import type { DataSource } from 'typeorm';
import type { EventEnvelope } from '#libs/contracts';

/** The events of one type (and key, if given) the service wrote to its outbox, oldest first. */
export async function outboxEvents(
  dataSource: DataSource,
  type: string,
  key?: string,
): Promise<EventEnvelope<Record<string, unknown>>[]> {
  const rows: { envelope: EventEnvelope<Record<string, unknown>> }[] = await dataSource.query(
    `SELECT envelope FROM outbox_messages
      WHERE event_type = $1 AND ($2::text IS NULL OR message_key = $2)
      ORDER BY id`,
    [type, key ?? null],
  );
  return rows.map((row) => row.envelope);
}
