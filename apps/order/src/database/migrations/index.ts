import type { MigrationInterface } from 'typeorm';

/** The order schema's migrations, oldest first; applied at start-up. */
export const orderMigrations: (new () => MigrationInterface)[] = [];
