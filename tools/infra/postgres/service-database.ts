/** One service's own database and the login role that owns it. */
export interface ServiceDatabase {
  /** Lowercase letters, digits and underscores. */
  database: string;
  /** Lowercase letters, digits and underscores. */
  user: string;
  password: string;
}
