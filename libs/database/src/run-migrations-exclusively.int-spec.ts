import { DataSource, type MigrationInterface, type QueryRunner } from 'typeorm';
import { isolatedDatabase } from '../../../test/support/isolated-database.js';
import { eventually } from '../../../test/support/poll.js';
import { MIGRATION_LOCK_KEY, runMigrationsExclusively } from './run-migrations-exclusively.js';

/** A migration that stays open until the test lets it finish, and counts who entered it. */
class CreateWidgets1764999000000 implements MigrationInterface {
  static entered = 0;
  static release: () => void = () => {};
  static readonly finished = new Promise<void>((resolve) => {
    CreateWidgets1764999000000.release = resolve;
  });

  async up(queryRunner: QueryRunner): Promise<void> {
    CreateWidgets1764999000000.entered++;
    await CreateWidgets1764999000000.finished;
    await queryRunner.query('CREATE TABLE widgets (id int PRIMARY KEY)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE widgets');
  }
}

describe('runMigrationsExclusively', () => {
  let database: Awaited<ReturnType<typeof isolatedDatabase>>;
  const replicas: DataSource[] = [];

  beforeAll(async () => {
    database = await isolatedDatabase([]);
  });

  afterAll(async () => {
    CreateWidgets1764999000000.release();
    await Promise.all(replicas.map((replica) => replica.destroy()));
    await database.close();
  });

  const replica = async (name: string) => {
    const dataSource = new DataSource({
      type: 'postgres',
      url: database.url,
      migrations: [CreateWidgets1764999000000],
      extra: { max: 2, application_name: name },
    });
    replicas.push(dataSource);
    return dataSource.initialize();
  };

  /** Sessions of `application_name` waiting for the migration lock. */
  const waitingForLock = async (name: string) => {
    const [{ count }] = (await database.dataSource.query(
      `SELECT count(*)::int AS count FROM pg_locks l JOIN pg_stat_activity a USING (pid)
        WHERE l.locktype = 'advisory' AND NOT l.granted AND a.application_name = $1
          AND (l.classid::bigint << 32) + l.objid::bigint = $2`,
      [name, MIGRATION_LOCK_KEY],
    )) as [{ count: number }];
    return count;
  };

  it('lets replicas starting together apply each migration once, the others waiting', async () => {
    const [first, second] = await Promise.all([replica('replica-a'), replica('replica-b')]);

    const firstRun = runMigrationsExclusively(first);
    await eventually('the first replica is inside the migration', async () => {
      return CreateWidgets1764999000000.entered === 1;
    });
    const secondRun = runMigrationsExclusively(second);
    await eventually('the second replica waits for the migration lock', async () => {
      return (await waitingForLock('replica-b')) === 1;
    });
    expect(CreateWidgets1764999000000.entered).toBe(1);

    CreateWidgets1764999000000.release();
    const [appliedByFirst, appliedBySecond] = await Promise.all([firstRun, secondRun]);

    expect(appliedByFirst.map(({ name }) => name)).toEqual(['CreateWidgets1764999000000']);
    expect(appliedBySecond).toEqual([]);
    expect(CreateWidgets1764999000000.entered).toBe(1);
    const recorded = (await database.dataSource.query('SELECT name FROM migrations')) as unknown[];
    expect(recorded).toEqual([{ name: 'CreateWidgets1764999000000' }]);
  });

  it('releases the lock when a migration fails, so the next replica can try', async () => {
    const failing = new DataSource({
      type: 'postgres',
      url: database.url,
      migrations: [
        class Broken1764999001000 implements MigrationInterface {
          async up(queryRunner: QueryRunner) {
            await queryRunner.query('SELECT * FROM no_such_table');
          }
          async down() {}
        },
      ],
      extra: { max: 2 },
    });
    replicas.push(failing);
    await failing.initialize();

    await expect(runMigrationsExclusively(failing)).rejects.toThrow(/no_such_table/);

    // One statement, so the lock is taken and given back on the same pooled connection.
    const [{ free }] = (await database.dataSource.query(
      'SELECT pg_try_advisory_lock($1) AND pg_advisory_unlock($1) AS free',
      [MIGRATION_LOCK_KEY],
    )) as [{ free: boolean }];
    expect(free).toBe(true);
  });
});
