/** Where and as whom to connect to a PostgreSQL server. */
export interface PgConnection {
  host: string;
  port: number;
  user: string;
  password: string;
  database: string;
}
