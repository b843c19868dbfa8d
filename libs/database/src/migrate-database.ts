import { DataSource } from 'typeorm';
import type { DatabaseOptions } from './database.module.js';
import { runMigrationsExclusively } from './run-migrations-exclusively.js';

/**
 * Applies a database's pending migrations and disconnects: the one-shot form of what
 * `DatabaseModule` does at start-up, with the same advisory-locked runner, so a migrate job and an
 * app starting beside it never apply a migration twice. Resolves with the names of the migrations
 * this call applied (none when the schema was already current).
 *
 * No connection retries, unlike start-up: a job runs once its database is healthy, and a job that
 * fails is rerun by whoever started it.
 */
export async function migrateDatabase({
  url,
  migrations,
  applicationName,
}: Omit<DatabaseOptions, 'poolSize'>): Promise<string[]> {
  const dataSource = await new DataSource({
    type: 'postgres',
    url,
    migrations,
    synchronize: false,
    // The lock's session plus the connection a migration runs on.
    extra: { max: 2, connectionTimeoutMillis: 3_000, application_name: applicationName },
  }).initialize();
  try {
    const applied = await runMigrationsExclusively(dataSource);
    return applied.map(({ name }) => name);
  } finally {
    await dataSource.destroy();
  }
}
