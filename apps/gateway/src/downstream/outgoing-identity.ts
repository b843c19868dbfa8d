import { Injectable } from '@nestjs/common';
import { ServiceTokenSigner } from '#libs/service-identity';
import type { DownstreamService } from './downstream-service.js';

/**
 * Who the gateway says it is to the services: a short-lived token signed with its own key, minted
 * per callee and reused until shortly before it expires. Whatever identity a client sent is never
 * forwarded (see downstream-headers.ts).
 */
@Injectable()
export class OutgoingIdentity {
  constructor(private readonly signer: ServiceTokenSigner) {}

  /** The `Authorization` value for a call to `service`. */
  authorizationFor(service: DownstreamService): Promise<string> {
    return this.signer.authorizationFor(service);
  }
}
