import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { assertPortFree } from '../process/assert-port-free.js';
import { pollUntil } from '../process/poll-until.js';
import { spawnServerProcess } from '../process/spawn-server-process.js';
import { fetchRedisServer } from './fetch-redis-server.js';
import type { LocalRedis } from './local-redis.js';
import { redisAnswersPing } from './redis-ping.js';
import { stopOrphanedRedis } from './stop-orphaned-redis.js';

const HOST = '127.0.0.1';
const START_TIMEOUT_MS = 15_000;

export interface StartRedisOptions {
  /** Holds `redis.pid`; nothing is persisted (rate-limit counters live for seconds). */
  dataDir: string;
  port: number;
  log: (line: string) => void;
  /** Where to look for REDIS_URL and XDG_CACHE_HOME; defaults to `process.env`. */
  env?: NodeJS.ProcessEnv;
}

/**
 * Gives the stack or the tests a Redis. When REDIS_URL is set, that server is used as it is and
 * `stop()` does nothing; otherwise a local `redis-server` (from Maven Central, see
 * fetch-redis-server.ts) is started on 127.0.0.1 without persistence, like PostgreSQL and Kafka in
 * its own process group with a watchdog, and `stop()` shuts it down.
 */
export async function startRedis(options: StartRedisOptions): Promise<LocalRedis> {
  const env = options.env ?? process.env;
  if (env.REDIS_URL) {
    options.log(`Using the Redis named by REDIS_URL: ${env.REDIS_URL}`);
    return { url: env.REDIS_URL, embedded: false, stop: async () => undefined };
  }
  const { dataDir, port, log } = options;
  const command = await fetchRedisServer(log, env);
  await mkdir(dataDir, { recursive: true });
  const pidFile = join(dataDir, 'redis.pid');
  await stopOrphanedRedis(pidFile, port, log);
  await assertPortFree(HOST, port, 'Redis');

  const server = spawnServerProcess({
    command,
    args: [
      ...['--bind', HOST, '--port', String(port), '--dir', dataDir, '--pidfile', pidFile],
      // Counters and quota changes are worth nothing after a restart: no snapshots, no AOF.
      ...['--save', '', '--appendonly', 'no', '--protected-mode', 'yes'],
    ],
    env,
    log,
    stopSignal: 'SIGTERM',
    stopGraceMs: 10_000,
  });
  const ready = await pollUntil(
    async () => !server.isRunning() || (await redisAnswersPing(HOST, port)),
    { timeoutMs: START_TIMEOUT_MS, intervalMs: 50 },
  );
  if (ready && server.isRunning()) {
    return { url: `redis://${HOST}:${port}`, embedded: true, stop: () => server.stop() };
  }
  await server.stop();
  throw new Error(
    `The local redis-server did not start on ${HOST}:${port}: ${server.recentOutput()}`,
  );
}
