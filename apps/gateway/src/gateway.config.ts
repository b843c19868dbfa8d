import { z } from 'zod';
import { httpUrlVariable, serviceEnvSchema } from '#libs/config';
import { SERVICES } from '#libs/contracts';

const local = (port: number) => `http://127.0.0.1:${port}`;

/** Everything the gateway reads from its environment, validated at boot. */
export const gatewayConfigSchema = serviceEnvSchema(SERVICES.gateway.port).extend({
  PRODUCT_URL: httpUrlVariable(local(SERVICES.product.port)),
  ORDER_URL: httpUrlVariable(local(SERVICES.order.port)),
  PROMOTION_URL: httpUrlVariable(local(SERVICES.promotion.port)),
  RECOMMENDATION_URL: httpUrlVariable(local(SERVICES.recommendation.port)),
});

export type GatewayConfig = z.output<typeof gatewayConfigSchema>;
