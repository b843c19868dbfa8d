import type { DataSource, Migration } from 'typeorm';

/**
 * The advisory lock every replica of a service takes before migrating. Advisory locks are scoped to
 * one database, so services sharing a server (ADR 0003) never wait for each other; the single
 * bigint form cannot collide with the two-key locks services take for their own work.
 */
export const MIGRATION_LOCK_KEY = 7_242_300_501;

/**
 * Applies the pending migrations (each in its own transaction) while holding a session-level
 * advisory lock on the database, so replicas starting together (a Deployment's pods, a rolling
 * update) apply every migration once: the first takes the lock and migrates, the others wait, then
 * find nothing pending. TypeORM takes no lock of its own: without this one, a second replica's
 * `CREATE TABLE` would wait for the first, then fail on the duplicate and crash its start-up.
 * Resolves with the migrations this call applied.
 */
export async function runMigrationsExclusively(dataSource: DataSource): Promise<Migration[]> {
  // The lock belongs to this session; the migrations run on other pooled connections meanwhile.
  const session = dataSource.createQueryRunner();
  await session.connect();
  try {
    await session.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      return await dataSource.runMigrations({ transaction: 'each' });
    } finally {
      await session.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  } finally {
    await session.release();
  }
}
