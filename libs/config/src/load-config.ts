import { z } from 'zod';
import { ConfigError } from './config-error.js';

/**
 * Reads a service's configuration from the environment and validates it against its schema.
 *
 * Throws a {@link ConfigError} naming the first offending variable, so that boot fails with one
 * line that tells the operator exactly what to fix.
 */
export function loadConfig<Schema extends z.ZodType>(
  schema: Schema,
  env: NodeJS.ProcessEnv = process.env,
): z.output<Schema> {
  const result = schema.safeParse(env);
  if (result.success) return result.data;

  const [issue] = result.error.issues;
  const variable = issue?.path.join('.') || '(environment)';
  const got = typeof issue?.path[0] === 'string' ? env[issue.path[0]] : undefined;
  const received = got === undefined ? 'it is not set' : `got ${JSON.stringify(got)}`;
  throw new ConfigError(variable, `${issue?.message ?? 'is invalid'} (${received})`);
}
