import { ConfigError, loadConfig, type AppEnv } from '#libs/config';
import { migrateDatabase } from '#libs/database';
import { migrationEnvSchema } from './migration-env-schema.js';
import type { ServiceDefinition } from './service-definition.js';
import { serviceMigrations } from './service-migrations.js';

/**
 * `node dist/apps/<app>/src/main.js migrate`: applies the app's pending migrations, exactly the
 * list its start-up applies, under the same advisory lock, then returns so the process exits 0.
 * docker-compose.yml runs it as the one-shot job `<app>-migrate` before the app starts; the app
 * still migrates at start-up, which then finds nothing pending (docs/deployment.md).
 *
 * Only `DATABASE_URL` is read, validated by the app's own schema entry: a bad value stops the job
 * with one line naming the variable, as it would stop the app.
 */
export async function migrateService<Config extends AppEnv>(
  definition: ServiceDefinition<Config>,
  env: NodeJS.ProcessEnv = process.env,
): Promise<string[]> {
  if (!definition.database) throw new Error(`${definition.name} has no database to migrate`);
  let databaseEnv: { DATABASE_URL: unknown };
  try {
    databaseEnv = loadConfig(migrationEnvSchema(definition.configSchema), env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(`${definition.name}: ${error.message}`);
    process.exit(1);
  }
  const database = definition.database(onlyDatabaseUrl<Config>(databaseEnv));
  const applied = await migrateDatabase({
    url: database.url,
    migrations: serviceMigrations(definition, database),
    applicationName: `${definition.name}-migrate`,
  });
  process.stdout.write(
    applied.length
      ? `${definition.name}: applied ${applied.length} migration(s): ${applied.join(', ')}\n`
      : `${definition.name}: no pending migrations\n`,
  );
  return applied;
}

/**
 * The config a definition's `database` function gets here: `DATABASE_URL` and nothing else. A
 * `database` function reading another variable would get one the job never validated (and that
 * docker-compose.yml does not set for it), so reading one throws instead of yielding `undefined`.
 */
function onlyDatabaseUrl<Config>(databaseEnv: { DATABASE_URL: unknown }): Config {
  return new Proxy(databaseEnv, {
    get(target, variable) {
      if (variable === 'DATABASE_URL') return target.DATABASE_URL;
      throw new Error(`the migrate command reads DATABASE_URL only, not ${String(variable)}`);
    },
  }) as Config;
}
