import type { MigrationInterface } from 'typeorm';

/** The product schema's migrations, oldest first; applied at start-up. */
export const productMigrations: (new () => MigrationInterface)[] = [];
