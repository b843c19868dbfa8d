import type { ServiceDefinition } from '#libs/service-defaults';
import { AdminFaultsModule } from './admin/faults/admin-faults.module.js';
import { FeaturesModule } from './admin/features/features.module.js';
import { AdminRateLimitsModule } from './admin/rate-limits/admin-rate-limits.module.js';
import { PublicApiDocsModule } from './api-docs/public-api-docs.module.js';
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
    FeaturesModule,
    ProductPageModule,
    AdminFaultsModule,
    AdminRateLimitsModule,
    RoutingModule,
    PublicApiDocsModule,
  ],
};
