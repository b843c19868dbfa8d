import { z } from 'zod';
import { postgresUrlVariable } from '#libs/config';
import { migrationEnvSchema } from './migration-env-schema.js';

const appSchema = z.object({
  DATABASE_URL: postgresUrlVariable(),
  KAFKA_BROKERS: z.string(),
  SERVICE_SIGNING_KEY: z.string(),
});

describe('migrationEnvSchema', () => {
  it('accepts an environment holding only the database URL the app would accept', () => {
    const env = { DATABASE_URL: 'postgres://order:pw@postgres:5432/order' };
    expect(migrationEnvSchema(appSchema).parse(env)).toEqual(env);
  });

  it("refuses what the app's own DATABASE_URL entry refuses", () => {
    const result = migrationEnvSchema(appSchema).safeParse({ DATABASE_URL: 'mysql://x/order' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['DATABASE_URL']);
  });

  it('refuses to describe an app that declares no database', () => {
    expect(() => migrationEnvSchema(z.object({ PORT: z.string() }))).toThrow(/no DATABASE_URL/);
  });
});
