import type { LocalPostgres } from './local-postgres.js';
import { pgConnectionFromEnv } from './pg-connection-from-env.js';
import { startEmbeddedPostgres } from './start-embedded-postgres.js';

export interface StartPostgresOptions {
  /** Data directory for the embedded server; initialised when empty, reused otherwise. */
  dataDir: string;
  /** Port for the embedded server on 127.0.0.1 (never 5432: a system server may own it). */
  port: number;
  log: (line: string) => void;
  /** Where to look for PG* variables; defaults to `process.env`. */
  env?: NodeJS.ProcessEnv;
}

/**
 * Gives the stack or the tests a PostgreSQL server. When any of PGHOST, PGPORT, PGUSER,
 * PGPASSWORD or PGDATABASE is set, that server is used as is and `stop()` does nothing; otherwise
 * an embedded server is started from `dataDir` and `stop()` shuts it down and waits until it has
 * exited.
 */
export async function startPostgres(options: StartPostgresOptions): Promise<LocalPostgres> {
  const external = pgConnectionFromEnv(options.env ?? process.env);
  if (external) {
    options.log(`Using PostgreSQL at ${external.host}:${external.port} named by PG* variables`);
    return { admin: external, embedded: false, stop: async () => undefined };
  }
  return startEmbeddedPostgres(options);
}
