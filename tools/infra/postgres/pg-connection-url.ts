import type { PgConnection } from './pg-connection.js';

/**
 * A `postgres://` URL for a connection, with user and password percent-encoded so any password
 * survives the round trip through `pg`'s URL parser.
 */
export function pgConnectionUrl(connection: PgConnection): string {
  const host = connection.host.includes(':') ? `[${connection.host}]` : connection.host;
  const user = encodeURIComponent(connection.user);
  const password = encodeURIComponent(connection.password);
  const credentials = connection.password === '' ? user : `${user}:${password}`;
  return `postgres://${credentials}@${host}:${connection.port}/${encodeURIComponent(connection.database)}`;
}
