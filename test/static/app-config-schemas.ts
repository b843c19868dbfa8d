import type { z } from 'zod';
import type { ServiceName } from '#libs/contracts';
import { isTracingVariable } from '#libs/observability';
import { gatewayConfigSchema } from '../../apps/gateway/src/gateway.config.js';
import { orderConfigSchema } from '../../apps/order/src/order.config.js';
import { productConfigSchema } from '../../apps/product/src/product.config.js';
import { promotionConfigSchema } from '../../apps/promotion/src/promotion.config.js';
import { recommendationConfigSchema } from '../../apps/recommendation/src/recommendation.config.js';

/** Each app's own config schema, the one it validates its environment with at boot. */
export const APP_CONFIG_SCHEMAS: Record<ServiceName, z.ZodObject> = {
  gateway: gatewayConfigSchema,
  product: productConfigSchema,
  order: orderConfigSchema,
  promotion: promotionConfigSchema,
  recommendation: recommendationConfigSchema,
};

/**
 * Variables the schema does not declare. zod drops unknown keys silently, so a misspelt name
 * (`KAFKA_BROKER`) would pass validation while the app falls back to a default or fails later.
 * The tracing bootstrap's variables (`OTEL_*`) are read before the app's config, not by it.
 */
export function unknownVariables(schema: z.ZodObject, env: Record<string, unknown>): string[] {
  return Object.keys(env).filter(
    (name) => !Object.hasOwn(schema.shape, name) && !isTracingVariable(name),
  );
}

/** The schema's complaints in one line each, for readable test failures. */
export function configProblems(schema: z.ZodObject, env: Record<string, unknown>): string[] {
  const result = schema.safeParse(env);
  return result.success
    ? []
    : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}
