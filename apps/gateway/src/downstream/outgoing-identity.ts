import { Inject, Injectable } from '@nestjs/common';
import { ServiceTokenSigner } from '#libs/service-identity';
import { SERVICE_CONFIG } from '#libs/service-defaults';
import type { GatewayConfig } from '../gateway.config.js';
import type { DownstreamService } from './downstream-service.js';

/**
 * Who the gateway says it is to the services: a short-lived token signed with its own key, minted
 * per callee and reused until shortly before it expires. Whatever identity a client sent is never
 * forwarded (see downstream-headers.ts).
 */
@Injectable()
export class OutgoingIdentity {
  private readonly signer?: ServiceTokenSigner;

  constructor(@Inject(SERVICE_CONFIG) config: GatewayConfig) {
    // Without a key (until every service verifies tokens) calls go unsigned.
    if (config.SERVICE_SIGNING_KEY) {
      this.signer = new ServiceTokenSigner({
        service: 'gateway',
        signingKey: config.SERVICE_SIGNING_KEY,
      });
    }
  }

  /** The `Authorization` value for a call to `service`, or undefined when calls go unsigned. */
  async authorizationFor(service: DownstreamService): Promise<string | undefined> {
    return this.signer?.authorizationFor(service);
  }
}
