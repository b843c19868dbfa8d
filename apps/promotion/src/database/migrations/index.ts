import type { MigrationInterface } from 'typeorm';

/** The promotion schema's migrations, oldest first; applied at start-up. */
export const promotionMigrations: (new () => MigrationInterface)[] = [];
