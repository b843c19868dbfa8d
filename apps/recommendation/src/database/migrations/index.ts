import type { MigrationInterface } from 'typeorm';

/** The recommendation schema's migrations, oldest first; applied at start-up. */
export const recommendationMigrations: (new () => MigrationInterface)[] = [];
