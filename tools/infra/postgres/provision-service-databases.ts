import pg from 'pg';
import type { PgConnection } from './pg-connection.js';
import type { ServiceDatabase } from './service-database.js';
import { quoteSqlIdentifier } from './sql-identifier.js';

export { serviceDatabaseUrl } from './service-database-url.js';

// Arbitrary constant shared by every provisioning run, whatever process it runs in.
const PROVISIONING_LOCK = 7_302_114;

/**
 * Makes each service's login role and database exist, safe to run on every start: missing roles
 * and databases are created, existing roles get the given password, existing databases are handed
 * to their role. CONNECT is revoked from PUBLIC on each database, so a service's role can reach its
 * own database but no other service's.
 */
export async function provisionServiceDatabases(
  admin: PgConnection,
  databases: ServiceDatabase[],
): Promise<void> {
  const client = new pg.Client(admin);
  await client.connect();
  try {
    // The stack and a test run may provision the same server at once; CREATE ROLE and CREATE
    // DATABASE are not idempotent, so serialise the check-then-create sequences.
    await client.query('SELECT pg_advisory_lock($1)', [PROVISIONING_LOCK]);
    try {
      for (const database of databases) {
        await provisionServiceDatabase(client, database);
      }
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [PROVISIONING_LOCK]);
    }
  } finally {
    await client.end();
  }
}

async function provisionServiceDatabase(client: pg.Client, db: ServiceDatabase): Promise<void> {
  const role = quoteSqlIdentifier(db.user);
  const database = quoteSqlIdentifier(db.database);
  const password = client.escapeLiteral(db.password);

  const roles = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [db.user]);
  const verb = roles.rowCount === 0 ? 'CREATE' : 'ALTER';
  await client.query(`${verb} ROLE ${role} WITH LOGIN PASSWORD ${password}`);

  const owners = await client.query<{ owner: string }>(
    'SELECT pg_get_userbyid(datdba) AS owner FROM pg_database WHERE datname = $1',
    [db.database],
  );
  const owner = owners.rows[0]?.owner;
  if (owner === undefined) {
    await client.query(`CREATE DATABASE ${database} OWNER ${role}`);
  } else if (owner !== db.user) {
    await client.query(`ALTER DATABASE ${database} OWNER TO ${role}`);
  }
  // The owner keeps its implicit privileges; everyone else loses the default CONNECT and TEMP.
  await client.query(`REVOKE CONNECT, TEMPORARY ON DATABASE ${database} FROM PUBLIC`);
}
