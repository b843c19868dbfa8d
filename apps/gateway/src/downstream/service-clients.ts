import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { ServiceClient } from '#libs/http-client';
import { SERVICE_CONFIG } from '#libs/service-defaults';
import type { GatewayConfig } from '../gateway.config.js';
import {
  DOWNSTREAM_SERVICES,
  type DownstreamService,
  downstreamUrl,
} from './downstream-service.js';

/**
 * JSON clients for the calls the gateway makes on its own account (composing a page, checking who
 * owns an order), where it reads and validates the answer instead of passing it through. They keep
 * their own small keep-alive pools beside the proxy's.
 */
@Injectable()
export class ServiceClients implements OnApplicationShutdown {
  private readonly clients: Map<DownstreamService, ServiceClient>;

  constructor(@Inject(SERVICE_CONFIG) config: GatewayConfig) {
    this.clients = new Map(
      DOWNSTREAM_SERVICES.map((service) => [
        service,
        new ServiceClient({
          service,
          baseUrl: downstreamUrl(config, service),
          timeoutMs: config.DOWNSTREAM_TIMEOUT_MS,
          connections: Math.max(1, Math.floor(config.DOWNSTREAM_CONNECTIONS / 4)),
        }),
      ]),
    );
  }

  of(service: DownstreamService): ServiceClient {
    return this.clients.get(service)!;
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([...this.clients.values()].map((client) => client.close()));
  }
}
