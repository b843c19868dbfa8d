const IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * Validates a role or database name (lowercase letters, digits, underscore; at most 63 bytes, the
 * PostgreSQL limit) and returns it double-quoted for DDL, which cannot take bind parameters.
 */
export function quoteSqlIdentifier(name: string): string {
  if (!IDENTIFIER.test(name)) {
    throw new Error(
      `"${name}" is not a valid name: use 1-63 lowercase letters, digits and underscores, not starting with a digit.`,
    );
  }
  return `"${name}"`;
}
