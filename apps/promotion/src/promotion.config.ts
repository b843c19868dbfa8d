import { z } from 'zod';
import { kafkaBrokersVariable, postgresUrlVariable, serviceEnvSchema } from '#libs/config';
import { SERVICES } from '#libs/contracts';

/** Everything the promotion service reads from its environment, validated at boot. */
export const promotionConfigSchema = serviceEnvSchema(SERVICES.promotion.port).extend({
  DATABASE_URL: postgresUrlVariable(),
  KAFKA_BROKERS: kafkaBrokersVariable(),
});

export type PromotionConfig = z.output<typeof promotionConfigSchema>;
