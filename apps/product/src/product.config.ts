import { z } from 'zod';
import {
  httpUrlVariable,
  kafkaBrokersVariable,
  postgresUrlVariable,
  serviceEnvSchema,
} from '#libs/config';
import { SERVICES } from '#libs/contracts';
import { faultInjectionEnv } from '#libs/fault-injection';

/** Everything the product service reads from its environment, validated at boot. */
export const productConfigSchema = serviceEnvSchema(SERVICES.product.port).extend({
  DATABASE_URL: postgresUrlVariable(),
  KAFKA_BROKERS: kafkaBrokersVariable(),
  // Called only by the promotionFlood fault (apps/product/src/promotion-flood/).
  PROMOTION_URL: httpUrlVariable(`http://127.0.0.1:${SERVICES.promotion.port}`),
  // `on` exposes /admin/faults to the gateway (docs/fault-injection.md); never on in production.
  ...faultInjectionEnv,
  // The consumer group of the saga's commands (inventory.commands). Every replica shares it; a
  // test suite that runs its own copy of the service needs a group of its own.
  SAGA_COMMANDS_CONSUMER_GROUP: z
    .string()
    .regex(/^[\w.-]{1,200}$/, { message: 'must be a Kafka consumer group id' })
    .default('product.saga-commands'),
});

export type ProductConfig = z.output<typeof productConfigSchema>;
