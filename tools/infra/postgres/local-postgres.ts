import type { PgConnection } from './pg-connection.js';

/** A PostgreSQL server for the stack or the tests: either started by us or named by the env. */
export interface LocalPostgres {
  /** A superuser (or a role allowed to create roles and databases) on that server. */
  admin: PgConnection;
  /** True when we started the server and `stop()` shuts it down; false for a server named by env. */
  embedded: boolean;
  stop(): Promise<void>;
}
