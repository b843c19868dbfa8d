import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { DataSource, type MigrationInterface } from 'typeorm';

/**
 * A fresh database on the test server, so each integration suite starts from an empty schema and
 * suites can run in parallel. Dropped again by `close()`.
 */
export async function isolatedDatabase(
  migrations: (new () => MigrationInterface)[],
): Promise<{ dataSource: DataSource; url: string; close(): Promise<void> }> {
  const adminUrl = process.env.TEST_PG_ADMIN_URL;
  if (!adminUrl)
    throw new Error('TEST_PG_ADMIN_URL is not set: run through the integration project');
  const name = `t_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();

  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const dataSource = new DataSource({
    type: 'postgres',
    url: url.toString(),
    migrations,
    migrationsRun: true,
    extra: { max: 5 },
  });
  await dataSource.initialize();
  await dataSource.runMigrations();

  return {
    dataSource,
    url: url.toString(),
    close: async () => {
      await dataSource.destroy();
      const cleanup = new pg.Client({ connectionString: adminUrl });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    },
  };
}
