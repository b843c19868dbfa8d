import type { MigrationInterface } from 'typeorm';
import type { AppEnv } from '#libs/config';
import type { DatabaseOptions } from '#libs/database';
import { CreateMessagingTables1764000000000 } from '#libs/messaging';
import type { ServiceDefinition } from './service-definition.js';

/**
 * The migrations of a service's database, in the order they apply. A service with both a database
 * and Kafka publishes through the transactional outbox, so its schema starts with the outbox and
 * inbox tables, then the app's own migrations follow. Start-up and the migrate command
 * (`main.js migrate`) both take the list from here, so they can never disagree.
 */
export function serviceMigrations<Config extends AppEnv>(
  definition: ServiceDefinition<Config>,
  database: Pick<DatabaseOptions, 'migrations'>,
): (new () => MigrationInterface)[] {
  const messagingTables = definition.kafka ? [CreateMessagingTables1764000000000] : [];
  return [...messagingTables, ...database.migrations];
}
