import { type ServerProcess, spawnServerProcess } from '../process/spawn-server-process.js';
import { postgresOsUser } from './postgres-os-user.js';

const READY = /database system is ready to accept connections/;
const STOP_GRACE_MS = 15_000;

/**
 * Runs the `postgres` server binary on an initialised data directory, in its own process group
 * (see spawnServerProcess) and as the `postgres` OS user when we are root, and waits for its
 * "ready" message. A server that exits or stays silent is turned into an error quoting what it
 * printed; one that timed out is stopped first. stop() is a "fast" shutdown (SIGINT: roll back open
 * transactions, checkpoint, exit), SIGKILL after 15 s.
 */
export async function startPostgresServer(options: {
  binary: string;
  dataDir: string;
  port: number;
  flags: string[];
  address: string;
  log: (line: string) => void;
  timeoutMs: number;
}): Promise<ServerProcess> {
  let markReady: () => void = () => undefined;
  const ready = new Promise<'ready'>((resolve) => {
    markReady = () => resolve('ready');
  });
  const server = spawnServerProcess({
    command: options.binary,
    args: ['-D', options.dataDir, '-p', String(options.port), ...options.flags],
    // The "ready" message is matched in English until the configuration's lc_messages applies.
    env: { ...process.env, LC_MESSAGES: 'C' },
    user: await postgresOsUser(),
    log: (line) => {
      options.log(line);
      if (READY.test(line)) markReady();
    },
    stopSignal: 'SIGINT',
    stopGraceMs: STOP_GRACE_MS,
  });

  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<'timed out'>((resolve) => {
    timer = setTimeout(() => resolve('timed out'), options.timeoutMs);
  });
  const exited = server.exited.then(() => 'exited' as const);
  const outcome = await Promise.race([ready, exited, timedOut]);
  clearTimeout(timer);
  if (outcome === 'ready') return server;

  await server.stop();
  const printed = server.recentOutput();
  const reason =
    outcome === 'timed out'
      ? `no "ready" message within ${options.timeoutMs / 1000} s`
      : 'the server process exited';
  const rootHint =
    process.getuid?.() === 0 && /permission denied/i.test(printed)
      ? ' (as root the server runs as the "postgres" OS user, which must be able to enter every directory above the data directory)'
      : '';
  throw new Error(
    `PostgreSQL did not start on ${options.address}: ${reason}${rootHint}. Last output:\n${printed}`,
  );
}
