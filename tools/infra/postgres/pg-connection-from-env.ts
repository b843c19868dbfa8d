import { userInfo } from 'node:os';
import type { PgConnection } from './pg-connection.js';

const LIBPQ_VARIABLES = ['PGHOST', 'PGPORT', 'PGUSER', 'PGPASSWORD', 'PGDATABASE'] as const;

/**
 * The server named by the standard libpq variables, or undefined when none of them is set.
 * Unset variables take libpq's defaults (port 5432, the OS user, database named after the user),
 * except the host: libpq defaults to a Unix socket whose directory differs between distributions,
 * so we use `localhost` like `pg` does.
 */
export function pgConnectionFromEnv(env: NodeJS.ProcessEnv): PgConnection | undefined {
  if (!LIBPQ_VARIABLES.some((name) => env[name] !== undefined && env[name] !== '')) {
    return undefined;
  }
  const user = env.PGUSER || userInfo().username;
  const port = Number(env.PGPORT || '5432');
  if (!Number.isInteger(port) || port <= 0 || port > 65535) {
    throw new Error(`PGPORT must be a TCP port number, got "${env.PGPORT}".`);
  }
  return {
    host: env.PGHOST || 'localhost',
    port,
    user,
    password: env.PGPASSWORD ?? '',
    database: env.PGDATABASE || user,
  };
}
