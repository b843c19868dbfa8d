export { DatabaseModule, type DatabaseOptions } from './database.module.js';
export { DatabaseReadiness } from './database.readiness.js';
export { migrateDatabase } from './migrate-database.js';
