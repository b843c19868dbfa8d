import type { ServiceDefinition } from '#libs/service-defaults';
import { type GatewayConfig, gatewayConfigSchema } from './gateway.config.js';

/** The gateway owns no database and no events: it is ready as soon as it listens. */
export const gatewayService: ServiceDefinition<GatewayConfig> = {
  name: 'gateway',
  configSchema: gatewayConfigSchema,
  imports: () => [],
};
