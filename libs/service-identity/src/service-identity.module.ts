import { type DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import type { ServiceName } from '#libs/contracts';
import type { ServicePrivateKey, TrustedServiceKeys } from './service-keys.js';
import { ServiceIdentityGuard } from './service-identity.guard.js';
import { ServiceTokenSigner } from './service-token.signer.js';
import { ServiceTokenVerifier } from './service-token.verifier.js';

export interface ServiceIdentityOptions {
  /** This service: the audience of the tokens it accepts, the issuer of those it sends. */
  service: ServiceName;
  /** From `SERVICE_SIGNING_KEY` (see `serviceSigningKeyVariable`). */
  signingKey: ServicePrivateKey;
  /** From `SERVICE_TRUSTED_KEYS` (see `serviceTrustedKeysVariable`). */
  trustedKeys: TrustedServiceKeys;
}

/**
 * Both directions of service identity for one service: every route (health and metrics aside)
 * demands a valid service token from a trusted caller, and {@link ServiceTokenSigner} is
 * injectable for the service's own outgoing calls.
 */
@Module({})
export class ServiceIdentityModule {
  static forRoot({ service, signingKey, trustedKeys }: ServiceIdentityOptions): DynamicModule {
    return {
      module: ServiceIdentityModule,
      global: true,
      providers: [
        {
          provide: ServiceTokenVerifier,
          useValue: new ServiceTokenVerifier({ service, trustedKeys }),
        },
        { provide: ServiceTokenSigner, useValue: new ServiceTokenSigner({ service, signingKey }) },
        { provide: APP_GUARD, useClass: ServiceIdentityGuard },
      ],
      exports: [ServiceTokenSigner],
    };
  }

  /**
   * The signing half only, for the one service that no other service calls (the gateway): it
   * authenticates its own callers, so no guard is installed, and its outgoing calls are signed
   * with {@link ServiceTokenSigner} like everyone else's.
   */
  static forSigningOnly({
    service,
    signingKey,
  }: Omit<ServiceIdentityOptions, 'trustedKeys'>): DynamicModule {
    return {
      module: ServiceIdentityModule,
      global: true,
      providers: [
        { provide: ServiceTokenSigner, useValue: new ServiceTokenSigner({ service, signingKey }) },
      ],
      exports: [ServiceTokenSigner],
    };
  }
}
