import { once } from 'node:events';
import { rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { isProcessAlive } from '../process/is-process-alive.js';
import type { LocalPostgres } from './local-postgres.js';
import type { PgConnection } from './pg-connection.js';
import { readPostmasterPid } from './read-postmaster-pid.js';
import { startPostgres } from './start-postgres.js';

// Under the project, not the OS temp dir: as root the server runs as the `postgres` user, which
// cannot enter a private mkdtemp directory.
const dataDir = fileURLToPath(new URL('../../../.data/test/postgres-lifecycle', import.meta.url));
// An empty env: these tests are about the embedded server even when PG* variables name another.
const options = { dataDir, port: 55434, log: () => undefined, env: {} };

async function query<T extends pg.QueryResultRow>(connection: PgConnection, sql: string) {
  const client = new pg.Client(connection);
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

async function postmasterPid(): Promise<number> {
  const pid = await readPostmasterPid(dataDir);
  if (pid === undefined) throw new Error(`no postmaster.pid in ${dataDir}`);
  return pid;
}

describe('startPostgres', () => {
  const started: LocalPostgres[] = [];
  const start = async (): Promise<LocalPostgres> => {
    const server = await startPostgres(options);
    started.push(server);
    return server;
  };

  beforeAll(() => rm(dataDir, { recursive: true, force: true }));
  afterEach(async () => {
    await Promise.all(started.splice(0).map((server) => server.stop()));
  });

  it('keeps its data across a stop and a start, and stop() leaves no server process', async () => {
    const first = await start();
    expect(first.embedded).toBe(true);
    await query(first.admin, "CREATE TABLE kept AS SELECT 'still here' AS value");
    const pid = await postmasterPid();

    await first.stop();
    expect(isProcessAlive(pid)).toBe(false);

    const second = await start();
    await expect(query(second.admin, 'SELECT value FROM kept')).resolves.toEqual([
      { value: 'still here' },
    ]);
  }, 60_000);

  it('starts again after the previous server was killed with SIGKILL', async () => {
    await start();
    const pid = await postmasterPid();
    process.kill(pid, 'SIGKILL');

    const second = await start();

    expect(await postmasterPid()).not.toBe(pid);
    await expect(query(second.admin, 'SELECT value FROM kept')).resolves.toEqual([
      { value: 'still here' },
    ]);
  }, 60_000);

  it('stops a server that an earlier run left running on the same data directory', async () => {
    await start(); // never stopped, like the server of a run whose Node process was killed
    const leftover = await postmasterPid();

    const second = await start();

    expect(isProcessAlive(leftover)).toBe(false);
    await expect(query(second.admin, 'SELECT 1 AS ok')).resolves.toEqual([{ ok: 1 }]);
  }, 60_000);

  it("fails with the server's own words when its port is taken", async () => {
    const squatter = createServer().listen(options.port, '127.0.0.1');
    await once(squatter, 'listening');
    try {
      await expect(startPostgres(options)).rejects.toThrow(
        /did not start on 127\.0\.0\.1:55434[\s\S]*Address already in use/,
      );
    } finally {
      squatter.close();
    }
  }, 60_000);

  it('uses the server named by PG* variables, with libpq defaults for the rest, and starts none', async () => {
    const external = await startPostgres({
      ...options,
      env: { PGHOST: 'db.internal', PGUSER: 'shop' },
    });

    expect(external).toMatchObject({
      embedded: false,
      admin: { host: 'db.internal', port: 5432, user: 'shop', password: '', database: 'shop' },
    });
    await expect(external.stop()).resolves.toBeUndefined();
    expect(await readPostmasterPid(dataDir)).toBeUndefined();
  });
});
