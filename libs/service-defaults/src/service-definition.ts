import type { DynamicModule, Type } from '@nestjs/common';
import type { z } from 'zod';
import type { ServiceName } from '#libs/contracts';
import type { AppEnv } from '#libs/config';
import type { DatabaseOptions } from '#libs/database';
import type { KafkaOptions } from '#libs/messaging';

type Imported = Type<unknown> | DynamicModule;

/**
 * Everything that differs between apps. The rest (config validation, logs, metrics, health, service
 * identity, error format, body limits, graceful shutdown) is the same everywhere and lives in
 * {@link runService}.
 */
export interface ServiceDefinition<Config extends AppEnv> {
  name: ServiceName;
  /**
   * Extends `serviceEnvSchema` (the gateway: `publicEntryEnvSchema`); validated before anything
   * else starts.
   */
  configSchema: z.ZodType<Config, unknown>;
  /** The app's own feature modules. */
  imports: (config: Config) => Imported[];
  /**
   * The app's own database, when it has one. Reads `DATABASE_URL` only: the migrate command
   * (`main.js migrate`, see `migrateService`) validates and passes nothing else.
   */
  database?: (config: Config) => Omit<DatabaseOptions, 'applicationName'>;
  /** Kafka, when the app produces or consumes events. */
  kafka?: (config: Config) => Omit<KafkaOptions, 'clientId'>;
}
