/** The product schema's migrations, oldest first; applied at start-up. */
export const productMigrations = [];
