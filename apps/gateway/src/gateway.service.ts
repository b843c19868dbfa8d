import type { ServiceDefinition } from '#libs/service-defaults';
import { ApiDocsModule } from './api-docs/api-docs.module.js';
import { AuthModule } from './auth/auth.module.js';
import { DownstreamModule } from './downstream/downstream.module.js';
import { EdgeModule } from './edge/edge.module.js';
import { type GatewayConfig, gatewayConfigSchema } from './gateway.config.js';
import { OrdersModule } from './orders/orders.module.js';
import { ProductPageModule } from './product-page/product-page.module.js';
import { RoutingModule } from './routing/routing.module.js';

/**
 * The only public entry (docs/gateway.md). It owns no database and no events: it is ready as soon
 * as it listens. Modules with specific routes come before the pass-through routes that would
 * otherwise match the same paths.
 */
export const gatewayService: ServiceDefinition<GatewayConfig> = {
  name: 'gateway',
  configSchema: gatewayConfigSchema,
  imports: () => [
    EdgeModule,
    DownstreamModule,
    AuthModule,
    OrdersModule,
    ProductPageModule,
    RoutingModule,
    ApiDocsModule,
  ],
};
