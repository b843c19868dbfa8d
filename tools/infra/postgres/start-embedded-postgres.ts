import { mkdir, readdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { LineForwarder } from '../process/line-forwarder.js';
import { terminateProcess } from '../process/terminate-process.js';
import { loadEmbeddedPostgres } from './load-embedded-postgres.js';
import type { LocalPostgres } from './local-postgres.js';
import { readPostmasterPid } from './read-postmaster-pid.js';
import { startServerWithin } from './start-server-within.js';
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
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  log: (line: string) => void;
}): Promise<LocalPostgres> {
  const dataDir = resolve(options.dataDir);
  // initdb's chatter is kept for its error message but not printed; the server's output is both.
  let output = new LineForwarder(() => undefined);
  await stopOrphanedPostgres(dataDir, options.log);

  const EmbeddedPostgresClass = await loadEmbeddedPostgres();
  const server = new EmbeddedPostgresClass({
    databaseDir: dataDir,
    port: options.port,
    user: SUPERUSER,
    password: SUPERUSER_PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as a `postgres` OS user it
    // creates if needed. Asking for that as a normal user would make it try `groupadd` and fail.
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale-provider=builtin', '--builtin-locale=C.UTF-8'],
    postgresFlags: [
      ...['-c', `listen_addresses=${HOST}`],
      // No Unix socket: nothing uses it, and it could clash with a system server's socket.
      ...['-c', 'unix_socket_directories='],
      ...['-c', 'log_checkpoints=off'],
    ],
    onLog: (chunk) => output.write(chunk),
    onError: (error) => output.write(`${String(error)}\n`),
  });

  if (await isEmptyDirectory(dataDir)) {
    options.log(`Initialising a new PostgreSQL data directory in ${dataDir}`);
    await mkdir(dataDir, { recursive: true });
    await server.initialise();
  }
  output = new LineForwarder(options.log);
  await startServerWithin(server, output, {
    address: `${HOST}:${options.port}`,
    timeoutMs: START_TIMEOUT_MS,
  });

  const pid = await readPostmasterPid(dataDir);
  if (pid === undefined) throw new Error(`PostgreSQL started but wrote no pid to ${dataDir}.`);
  // If this process ends without calling stop(), still ask the server to shut down.
  const stopOnExit = (): void => {
    try {
      process.kill(pid, 'SIGINT');
    } catch {
      // already gone
    }
  };
  process.on('exit', stopOnExit);

  let stopping: Promise<void> | undefined;
  return {
    admin: {
      host: HOST,
      port: options.port,
      user: SUPERUSER,
      password: SUPERUSER_PASSWORD,
      database: 'postgres',
    },
    embedded: true,
    stop: () => {
      stopping ??= (async () => {
        process.off('exit', stopOnExit);
        // SIGINT is a "fast" shutdown; the postmaster exits only after all its backends have.
        await terminateProcess(pid, { signal: 'SIGINT', graceMs: 15_000 });
      })();
      return stopping;
    },
  };
}

async function isEmptyDirectory(dir: string): Promise<boolean> {
  try {
    return (await readdir(dir)).length === 0;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return true;
    throw error;
  }
}
