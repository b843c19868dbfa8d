import { z } from 'zod';
import { kafkaBrokersVariable, postgresUrlVariable, serviceEnvSchema } from '#libs/config';
import { SERVICES } from '#libs/contracts';

/** Everything the promotion service reads from its environment, validated at boot. */
export const promotionConfigSchema = serviceEnvSchema(SERVICES.promotion.port).extend({
  DATABASE_URL: postgresUrlVariable(),
  KAFKA_BROKERS: kafkaBrokersVariable(),
  // The consumer group that feeds the price projection. Every replica shares it in production;
  // a deployment (or a test suite) that keeps its own copy of the catalog needs a group of its own,
  // or the group would split the product partitions between copies.
  CATALOG_CONSUMER_GROUP: z
    .string()
    .regex(/^[\w.-]{1,200}$/, { message: 'must be a Kafka consumer group id' })
    .default('promotion.catalog'),
});

export type PromotionConfig = z.output<typeof promotionConfigSchema>;
