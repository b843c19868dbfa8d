import { Global, Module } from '@nestjs/common';
import { DownstreamHeaders } from './downstream-headers.js';
import { DownstreamPools } from './downstream-pools.js';
import { DownstreamProxy } from './downstream-proxy.js';
import { OutgoingIdentity } from './outgoing-identity.js';
import { ServiceClients } from './service-clients.js';

/** Everything the gateway needs to call the services: pools, signed headers, proxy, clients. */
@Global()
@Module({
  providers: [
    DownstreamPools,
    DownstreamHeaders,
    DownstreamProxy,
    OutgoingIdentity,
    ServiceClients,
  ],
  exports: [DownstreamHeaders, DownstreamProxy, ServiceClients],
})
export class DownstreamModule {}
