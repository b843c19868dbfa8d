import { pgConnectionUrl } from './pg-connection-url.js';
import type { ServiceDatabase } from './service-database.js';

/** The URL a service uses to reach its own database as its own role. */
export function serviceDatabaseUrl(
  server: { host: string; port: number },
  db: ServiceDatabase,
): string {
  return pgConnectionUrl({
    host: server.host,
    port: server.port,
    user: db.user,
    password: db.password,
    database: db.database,
  });
}
