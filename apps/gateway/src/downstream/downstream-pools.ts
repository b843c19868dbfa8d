import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { Pool } from 'undici';
import { SERVICE_CONFIG } from '#libs/service-defaults';
import type { GatewayConfig } from '../gateway.config.js';
import {
  DOWNSTREAM_SERVICES,
  type DownstreamService,
  downstreamUrl,
} from './downstream-service.js';

/**
 * One pool of keep-alive connections per service, opened lazily and shared by every request: a
 * new TCP connection per request would cost more than the rest of the hop together.
 */
@Injectable()
export class DownstreamPools implements OnApplicationShutdown {
  private readonly pools: Map<DownstreamService, Pool>;

  constructor(@Inject(SERVICE_CONFIG) config: GatewayConfig) {
    this.pools = new Map(
      DOWNSTREAM_SERVICES.map((service) => [
        service,
        new Pool(downstreamUrl(config, service), {
          connections: config.DOWNSTREAM_CONNECTIONS,
          keepAliveTimeout: 30_000,
          // Our services do not pipeline; one request per connection at a time.
          pipelining: 1,
        }),
      ]),
    );
  }

  of(service: DownstreamService): Pool {
    return this.pools.get(service)!;
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([...this.pools.values()].map((pool) => pool.close()));
  }
}
