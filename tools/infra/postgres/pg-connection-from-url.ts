import type { PgConnection } from './pg-connection.js';

/** The inverse of `pgConnectionUrl`: host, port, credentials and database from a `postgres://` URL. */
export function pgConnectionFromUrl(url: string): PgConnection {
  const parsed = new URL(url);
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') {
    throw new Error(`Not a postgres:// URL: ${parsed.protocol}//${parsed.host}`);
  }
  return {
    host: parsed.hostname.replace(/^\[(.*)\]$/, '$1'),
    port: Number(parsed.port || '5432'),
    user: decodeURIComponent(parsed.username),
    password: decodeURIComponent(parsed.password),
    database: decodeURIComponent(parsed.pathname.slice(1)),
  };
}
