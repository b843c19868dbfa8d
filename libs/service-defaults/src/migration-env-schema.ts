import { z } from 'zod';

/**
 * The part of an app's config schema the migrate command validates: its own `DATABASE_URL` entry,
 * so the command accepts exactly the values the app would, and needs nothing else (no broker, no
 * signing key). docker-compose.yml's migrate jobs are checked against it.
 */
export function migrationEnvSchema(configSchema: z.ZodType) {
  const databaseUrl = configSchema instanceof z.ZodObject ? configSchema.shape.DATABASE_URL : null;
  if (!(databaseUrl instanceof z.ZodType)) {
    throw new Error(
      'the config schema declares no DATABASE_URL: the app has no database to migrate',
    );
  }
  return z.object({ DATABASE_URL: databaseUrl });
}
