import { z } from 'zod';
import { httpUrlVariable, millisecondsVariable, publicEntryEnvSchema } from '#libs/config';
import { SERVICES } from '#libs/contracts';
import { dependencyPolicyVariables } from '#libs/resilience';
import { RECOMMENDATION_POLICY_DEFAULTS } from './product-page/recommendations/recommendation-policy.defaults.js';

const local = (port: number) => `http://127.0.0.1:${port}`;

const countVariable = (defaultCount: number) =>
  z.coerce
    .number({ message: 'must be a whole number' })
    .int({ message: 'must be a whole number' })
    .min(0, { message: 'must be 0 or more' })
    .default(defaultCount);

/** `https://shop.example,http://localhost:5173`, or `*` for any origin; empty turns CORS off. */
const originsVariable = () =>
  z
    .string()
    .default('')
    .transform((value) =>
      value
        .split(',')
        .map((origin) => origin.trim())
        .filter(Boolean),
    )
    .refine((origins) => origins.every((o) => o === '*' || /^https?:\/\/[^/]+$/.test(o)), {
      message: 'must list origins such as https://shop.example, comma-separated, or *',
    });

/**
 * Everything the gateway reads from its environment, validated at boot. See docs/gateway.md. The
 * public entry: it signs its calls to the services (`SERVICE_SIGNING_KEY`) but trusts no service
 * keys, because no service calls it.
 */
export const gatewayConfigSchema = publicEntryEnvSchema(SERVICES.gateway.port).extend({
  PRODUCT_URL: httpUrlVariable(local(SERVICES.product.port)),
  ORDER_URL: httpUrlVariable(local(SERVICES.order.port)),
  PROMOTION_URL: httpUrlVariable(local(SERVICES.promotion.port)),
  RECOMMENDATION_URL: httpUrlVariable(local(SERVICES.recommendation.port)),
  /** The whole budget of one public request across the calls it makes downstream. */
  DOWNSTREAM_TIMEOUT_MS: millisecondsVariable(3_000),
  /** Keep-alive connections per downstream service. */
  DOWNSTREAM_CONNECTIONS: countVariable(64).pipe(
    z.number().min(1, { message: 'must be 1 or more' }),
  ),
  CORS_ORIGINS: originsVariable(),
  /** Signs customers' and admins' access tokens (HS256). The default is for development only. */
  JWT_SECRET: z
    .string()
    .min(32, { message: 'must be at least 32 characters' })
    .default('microshop-dev-only-jwt-secret-do-not-deploy'),
  ACCESS_TOKEN_TTL_MS: millisecondsVariable(15 * 60_000),
  /** The demo accounts' password, hashed at boot and never kept in clear. */
  DEMO_PASSWORD: z
    .string()
    .min(8, { message: 'must be at least 8 characters' })
    .default('microshop-demo'),
  /** Requests per second each client may make; 0 turns the edge rate limit off. */
  RATE_LIMIT_PER_SECOND: countVariable(5_000),
  /** Extra requests a client may spend over 10 s once its per-second allowance is used up. */
  RATE_LIMIT_BURST: countVariable(5_000),
  /** Whether this instance starts with recommendations on; admins flip it at runtime. */
  FEATURE_RECOMMENDATIONS: z.enum(['on', 'off'], { message: 'must be on or off' }).default('on'),
  /** Timeout, retries, breaker and bulkhead of calls to recommendation (docs/resilience.md). */
  ...dependencyPolicyVariables('RECOMMENDATION', RECOMMENDATION_POLICY_DEFAULTS),
  /** `off` calls recommendation unprotected (fallbacks still apply): benchmarks and diagnosis. */
  RECOMMENDATION_RESILIENCE: z.enum(['on', 'off'], { message: 'must be on or off' }).default('on'),
});

export type GatewayConfig = z.output<typeof gatewayConfigSchema>;
