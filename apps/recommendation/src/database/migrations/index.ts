/** The recommendation schema's migrations, oldest first; applied at start-up. */
export const recommendationMigrations = [];
