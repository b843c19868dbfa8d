import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { SERVICE_NAMES, SERVICES } from '#libs/contracts';
import { isolatedDatabase } from '../../test/support/isolated-database.js';

/**
 * `node dist/apps/<app>/src/main.js migrate`, the command docker-compose.yml's one-shot
 * `<app>-migrate` jobs run (docs/deployment.md), spawned as the job runs it: built code, and an
 * environment holding nothing but DATABASE_URL (and PATH). Needs `npm run build` first.
 */
const run = promisify(execFile);
const appsWithDatabase = SERVICE_NAMES.filter((name) => SERVICES[name].ownsDatabase);

async function migrateCommand(app: string, databaseUrl: string) {
  const main = resolve('dist/apps', app, 'src/main.js');
  if (!existsSync(main)) throw new Error(`${main} is missing: run \`npm run build\` first`);
  const env = { PATH: process.env.PATH, DATABASE_URL: databaseUrl };
  // A process that stays alive after migrating would hold its job, and the app, forever: the
  // timeout turns that into a failure.
  return run(process.execPath, [main, 'migrate'], { env, timeout: 20_000 })
    .then(({ stdout, stderr }) => ({ code: 0, stdout, stderr }))
    .catch((error: { code?: number; stdout: string; stderr: string; killed?: boolean }) => ({
      code: error.killed ? 'killed' : error.code,
      stdout: error.stdout,
      stderr: error.stderr,
    }));
}

describe('the migrate command', () => {
  describe.each(appsWithDatabase)('of %s', (app) => {
    let database: Awaited<ReturnType<typeof isolatedDatabase>>;

    beforeAll(async () => {
      database = await isolatedDatabase([]);
    });

    afterAll(async () => {
      await database?.close();
    });

    const appliedMigrations = async () =>
      (
        (await database.dataSource.query('SELECT name FROM migrations ORDER BY id')) as {
          name: string;
        }[]
      ).map(({ name }) => name);

    it('migrates a fresh database, outbox and inbox tables first, and exits 0', async () => {
      const result = await migrateCommand(app, database.url);
      expect(result).toMatchObject({ code: 0, stderr: '' });

      const applied = await appliedMigrations();
      expect(applied[0]).toBe('CreateMessagingTables1764000000000');
      expect(applied.length).toBeGreaterThan(1);
      expect(result.stdout).toContain(`${app}: applied ${applied.length} migration(s)`);
      const [{ outbox }] = (await database.dataSource.query(
        "SELECT to_regclass('outbox_messages') IS NOT NULL AS outbox",
      )) as [{ outbox: boolean }];
      expect(outbox).toBe(true);
    });

    it('changes nothing the second time, and exits 0', async () => {
      const before = await appliedMigrations();
      expect(before.length).toBeGreaterThan(0);

      const result = await migrateCommand(app, database.url);
      expect(result).toMatchObject({ code: 0, stderr: '' });
      expect(result.stdout).toContain(`${app}: no pending migrations`);
      expect(await appliedMigrations()).toEqual(before);
    });
  });

  it('refuses a bad DATABASE_URL with one line naming it, and exits 1', async () => {
    const result = await migrateCommand('order', 'mysql://order@127.0.0.1/order');
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toMatch(/^order: .*DATABASE_URL must be a postgres:\/\/ URL/);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });
});
