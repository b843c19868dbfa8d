import { z } from 'zod';
import { kafkaBrokersVariable, postgresUrlVariable, serviceEnvSchema } from '#libs/config';
import { SERVICES } from '#libs/contracts';
import { faultInjectionEnv } from '#libs/fault-injection';
import { rateLimitEnv } from './rate-limits/rate-limits.env.js';

/** Everything the promotion service reads from its environment, validated at boot. */
export const promotionConfigSchema = serviceEnvSchema(SERVICES.promotion.port).extend({
  DATABASE_URL: postgresUrlVariable(),
  KAFKA_BROKERS: kafkaBrokersVariable(),
  // `on` exposes /admin/faults to the gateway (docs/fault-injection.md); never on in production.
  ...faultInjectionEnv,
  // A quota per calling service and route class (docs/rate-limiting.md).
  ...rateLimitEnv,
  // The consumer group that feeds the price projection. Every replica shares it in production;
  // a deployment (or a test suite) that keeps its own copy of the catalog needs a group of its own,
  // or the group would split the product partitions between copies.
  CATALOG_CONSUMER_GROUP: z
    .string()
    .regex(/^[\w.-]{1,200}$/, { message: 'must be a Kafka consumer group id' })
    .default('promotion.catalog'),
  // The consumer group of the saga's commands (promotion.commands), shared by every replica; a
  // test suite that runs its own copy of the service needs a group of its own, as above.
  SAGA_COMMANDS_CONSUMER_GROUP: z
    .string()
    .regex(/^[\w.-]{1,200}$/, { message: 'must be a Kafka consumer group id' })
    .default('promotion.saga-commands'),
});

export type PromotionConfig = z.output<typeof promotionConfigSchema>;
