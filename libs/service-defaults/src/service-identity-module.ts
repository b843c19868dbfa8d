import type { DynamicModule } from '@nestjs/common';
import type { AppEnv, ServiceEnv } from '#libs/config';
import type { ServiceName } from '#libs/contracts';
import { ServiceIdentityModule } from '#libs/service-identity';

/**
 * Service identity as the app's config declares it. Every app signs its outgoing calls with
 * `SERVICE_SIGNING_KEY`. An app whose schema extends `serviceEnvSchema` also has
 * `SERVICE_TRUSTED_KEYS` and refuses every call without a valid token from one of those callers
 * (401, health and metrics aside); only the public entry, whose schema extends
 * `publicEntryEnvSchema`, has none and leaves authenticating its callers to itself.
 */
export function serviceIdentityModule(service: ServiceName, config: AppEnv): DynamicModule {
  const signingKey = config.SERVICE_SIGNING_KEY;
  const trustedKeys = (config as Partial<ServiceEnv>).SERVICE_TRUSTED_KEYS;
  return trustedKeys
    ? ServiceIdentityModule.forRoot({ service, signingKey, trustedKeys })
    : ServiceIdentityModule.forSigningOnly({ service, signingKey });
}
