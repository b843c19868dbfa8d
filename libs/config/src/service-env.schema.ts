import { z } from 'zod';
import { serviceSigningKeyVariable, serviceTrustedKeysVariable } from '#libs/service-identity';
import { logLevelVariable, millisecondsVariable, portVariable } from './env-schemas.js';

/**
 * The variables every app reads, the gateway included. Each app extends `serviceEnvSchema` (or,
 * for the gateway, `publicEntryEnvSchema`) with its own (see `apps/<app>/src/*.config.ts`), and
 * docker-compose.yml and k8s/ are checked against the result.
 */
const appEnvSchema = (defaultPort: number) =>
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
    // Every app signs the calls it makes to the services with its own key.
    SERVICE_SIGNING_KEY: serviceSigningKeyVariable(),
  });

/**
 * The environment of a service that other apps call: besides what every app reads, the callers
 * it accepts (`SERVICE_TRUSTED_KEYS`). `runService` refuses every call to it, health and metrics
 * aside, without a valid service token from one of them.
 */
export const serviceEnvSchema = (defaultPort: number) =>
  appEnvSchema(defaultPort).extend({ SERVICE_TRUSTED_KEYS: serviceTrustedKeysVariable() });

/**
 * The environment of the public entry (the gateway): the outside world calls it, not services,
 * and it authenticates those callers itself. So it has no `SERVICE_TRUSTED_KEYS`, and `runService`
 * demands no service token of its callers; it still signs its own calls.
 */
export const publicEntryEnvSchema = appEnvSchema;

/** What every app's validated config holds. */
export type AppEnv = z.output<ReturnType<typeof appEnvSchema>>;

/** What the validated config of a service that other apps call holds. */
export type ServiceEnv = z.output<ReturnType<typeof serviceEnvSchema>>;
