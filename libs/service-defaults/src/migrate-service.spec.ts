import { z } from 'zod';
import { postgresUrlVariable, serviceEnvSchema } from '#libs/config';
import { migrateService } from './migrate-service.js';
import type { ServiceDefinition } from './service-definition.js';

const configSchema = serviceEnvSchema(3999).extend({
  DATABASE_URL: postgresUrlVariable(),
  KAFKA_BROKERS: z.string(),
});

describe('migrateService', () => {
  it('refuses a database definition that reads more than DATABASE_URL, before connecting', async () => {
    const definition: ServiceDefinition<z.output<typeof configSchema>> = {
      name: 'order',
      configSchema,
      imports: () => [],
      database: (config) => ({
        url: `${config.DATABASE_URL}?via=${config.KAFKA_BROKERS}`,
        migrations: [],
      }),
    };
    const env = { DATABASE_URL: 'postgres://order:pw@127.0.0.1:1/order' };
    await expect(migrateService(definition, env)).rejects.toThrow(
      'the migrate command reads DATABASE_URL only, not KAFKA_BROKERS',
    );
  });

  it('refuses an app without a database', async () => {
    const definition: ServiceDefinition<z.output<typeof configSchema>> = {
      name: 'gateway',
      configSchema,
      imports: () => [],
    };
    await expect(migrateService(definition, {})).rejects.toThrow('gateway has no database');
  });
});
