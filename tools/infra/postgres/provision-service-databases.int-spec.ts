import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { pgConnectionFromUrl } from './pg-connection-from-url.js';
import { provisionServiceDatabases, serviceDatabaseUrl } from './provision-service-databases.js';
import type { ServiceDatabase } from './service-database.js';

const admin = pgConnectionFromUrl(process.env.TEST_PG_ADMIN_URL ?? '');
const created: ServiceDatabase[] = [];

/** A service database with a name no earlier run used, dropped after the suite. */
function newServiceDatabase(password = 'secret'): ServiceDatabase {
  const name = `int_${randomBytes(5).toString('hex')}`;
  const db = { database: name, user: name, password };
  created.push(db);
  return db;
}

async function query<T extends pg.QueryResultRow>(
  connectionString: string,
  sql: string,
  values: unknown[] = [],
): Promise<T[]> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    return (await client.query<T>(sql, values)).rows;
  } finally {
    await client.end();
  }
}

async function adminQuery<T extends pg.QueryResultRow>(sql: string, values: unknown[] = []) {
  const client = new pg.Client(admin);
  await client.connect();
  try {
    return (await client.query<T>(sql, values)).rows;
  } finally {
    await client.end();
  }
}

describe('provisionServiceDatabases', () => {
  afterAll(async () => {
    for (const db of created) {
      await adminQuery(`DROP DATABASE IF EXISTS "${db.database}" WITH (FORCE)`);
      await adminQuery(`DROP ROLE IF EXISTS "${db.user}"`);
    }
  });

  it('creates a login role and a database owned by it, and changes nothing when run again', async () => {
    const db = newServiceDatabase();

    await provisionServiceDatabases(admin, [db]);
    await provisionServiceDatabases(admin, [db]);

    const databases = await adminQuery<{ owner: string }>(
      'SELECT pg_get_userbyid(datdba) AS owner FROM pg_database WHERE datname = $1',
      [db.database],
    );
    expect(databases).toEqual([{ owner: db.user }]);
    const roles = await adminQuery<{ rolcanlogin: boolean; rolsuper: boolean }>(
      'SELECT rolcanlogin, rolsuper FROM pg_roles WHERE rolname = $1',
      [db.user],
    );
    expect(roles).toEqual([{ rolcanlogin: true, rolsuper: false }]);
  });

  it("lets a service's role use its own database but not connect to another service's", async () => {
    const orders = newServiceDatabase();
    const products = newServiceDatabase();
    await provisionServiceDatabases(admin, [orders, products]);

    const ownUrl = serviceDatabaseUrl(admin, orders);
    await query(ownUrl, 'CREATE TABLE placed (id int PRIMARY KEY)');
    await expect(query(ownUrl, 'SELECT current_user AS who')).resolves.toEqual([
      { who: orders.user },
    ]);

    const foreignUrl = serviceDatabaseUrl(admin, {
      ...products,
      user: orders.user,
      password: orders.password,
    });
    await expect(query(foreignUrl, 'SELECT 1')).rejects.toMatchObject({ code: '42501' });
  });

  it('sets the given password on a role that already exists', async () => {
    const db = newServiceDatabase('first password');
    await provisionServiceDatabases(admin, [db]);

    const changed = { ...db, password: "second p@ss: with 'quotes' / slashes" };
    await provisionServiceDatabases(admin, [changed]);

    await expect(query(serviceDatabaseUrl(admin, changed), 'SELECT 1 AS ok')).resolves.toEqual([
      { ok: 1 },
    ]);
    await expect(query(serviceDatabaseUrl(admin, db), 'SELECT 1')).rejects.toMatchObject({
      code: '28P01',
    });
  });

  it('refuses names that are not lowercase SQL identifiers and creates nothing for them', async () => {
    const bad = { database: 'orders; DROP DATABASE postgres', user: 'orders', password: 'x' };

    await expect(provisionServiceDatabases(admin, [bad])).rejects.toThrow(/not a valid name/);
    await expect(
      adminQuery('SELECT 1 FROM pg_database WHERE datname = $1', [bad.database]),
    ).resolves.toEqual([]);
  });
});
