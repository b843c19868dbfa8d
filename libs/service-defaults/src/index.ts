export { createService } from './create-service.js';
export { migrateService } from './migrate-service.js';
export { migrationEnvSchema } from './migration-env-schema.js';
export { runService } from './run-service.js';
export { SERVICE_CONFIG } from './service-config.token.js';
export type { ServiceDefinition } from './service-definition.js';
