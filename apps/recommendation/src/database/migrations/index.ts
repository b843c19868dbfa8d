import type { MigrationInterface } from 'typeorm';
import { CreateReadModel1764100000000 } from './create-read-model.migration.js';

/** The recommendation schema's migrations, oldest first; applied at start-up. */
export const recommendationMigrations: (new () => MigrationInterface)[] = [
  CreateReadModel1764100000000,
];
