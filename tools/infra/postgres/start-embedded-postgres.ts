import { mkdir, readdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { embeddedPostgresServerBinary } from './embedded-postgres-binaries.js';
import { loadEmbeddedPostgres } from './load-embedded-postgres.js';
import type { LocalPostgres } from './local-postgres.js';
import { startPostgresServer } from './start-postgres-server.js';
import { stopOrphanedPostgres } from './stop-orphaned-postgres.js';

const HOST = '127.0.0.1';
const SUPERUSER = 'postgres';
// The server only listens on loopback and holds development data; a fixed password keeps
// `psql postgres://postgres:postgres@127.0.0.1:<port>` usable for poking around.
const SUPERUSER_PASSWORD = 'postgres';
const START_TIMEOUT_MS = 30_000;

/**
 * Runs PostgreSQL from the `embedded-postgres` package's binaries with its data in `dataDir`
 * (initialised when empty, reused otherwise), listening on 127.0.0.1 only.
 *
 * The package runs initdb; the server itself we start (start-postgres-server.ts) rather than
 * through the package's start(), which spawns it in the program's process group, where a
 * terminal's Ctrl-C would stop it before the program's apps have drained.
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  log: (line: string) => void;
}): Promise<LocalPostgres> {
  const dataDir = resolve(options.dataDir);
  await stopOrphanedPostgres(dataDir, options.log);
  if (await isEmptyDirectory(dataDir)) {
    options.log(`Initialising a new PostgreSQL data directory in ${dataDir}`);
    await mkdir(dataDir, { recursive: true });
    await initialise(dataDir);
  }

  const server = await startPostgresServer({
    binary: await embeddedPostgresServerBinary(),
    dataDir,
    port: options.port,
    flags: [
      ...['-c', `listen_addresses=${HOST}`],
      // No Unix socket: nothing uses it, and it could clash with a system server's socket.
      ...['-c', 'unix_socket_directories='],
      ...['-c', 'log_checkpoints=off'],
    ],
    address: `${HOST}:${options.port}`,
    log: options.log,
    timeoutMs: START_TIMEOUT_MS,
  });

  return {
    admin: {
      host: HOST,
      port: options.port,
      user: SUPERUSER,
      password: SUPERUSER_PASSWORD,
      database: 'postgres',
    },
    embedded: true,
    // The postmaster exits only after all its backends have.
    stop: () => server.stop(),
  };
}

/** initdb through the package; its chatter is not printed (a failure's message quotes it). */
async function initialise(dataDir: string): Promise<void> {
  const EmbeddedPostgresClass = await loadEmbeddedPostgres();
  const initdb = new EmbeddedPostgresClass({
    databaseDir: dataDir,
    user: SUPERUSER,
    password: SUPERUSER_PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs initdb as a `postgres` OS user it
    // creates if needed. Asking for that as a normal user would make it try `groupadd` and fail.
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale-provider=builtin', '--builtin-locale=C.UTF-8'],
    onLog: () => undefined,
    onError: () => undefined,
  });
  await initdb.initialise();
}

async function isEmptyDirectory(dir: string): Promise<boolean> {
  try {
    return (await readdir(dir)).length === 0;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return true;
    throw error;
  }
}
