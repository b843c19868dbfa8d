import { z } from 'zod';
import { logLevelVariable, millisecondsVariable, portVariable } from './env-schemas.js';

/**
 * The variables every app reads. Each app extends this with its own (see `apps/<app>/src/*.config.ts`),
 * and docker-compose.yml and k8s/ are checked against the result.
 */
export const serviceEnvSchema = (defaultPort: number) =>
  z.object({
    PORT: portVariable(defaultPort),
    HOST: z.string().min(1).default('0.0.0.0'),
    LOG_LEVEL: logLevelVariable(),
    SHUTDOWN_TIMEOUT_MS: millisecondsVariable(10_000),
    HTTP_BODY_LIMIT: z
      .string()
      .regex(/^\d+(b|kb|mb)$/i, { message: 'must be a size such as 100kb or 1mb' })
      .default('100kb'),
    // `off` leaves committed events in the outbox unpublished: the state a crash between commit
    // and publish leaves behind. For crash drills and the tests that prove recovery from it.
    OUTBOX_RELAY: z.enum(['on', 'off'], { message: 'must be on or off' }).default('on'),
  });

export type ServiceEnv = z.output<ReturnType<typeof serviceEnvSchema>>;
