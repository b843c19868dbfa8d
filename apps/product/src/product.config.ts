import { z } from 'zod';
import { kafkaBrokersVariable, postgresUrlVariable, serviceEnvSchema } from '#libs/config';
import { SERVICES } from '#libs/contracts';

/** Everything the product service reads from its environment, validated at boot. */
export const productConfigSchema = serviceEnvSchema(SERVICES.product.port).extend({
  DATABASE_URL: postgresUrlVariable(),
  KAFKA_BROKERS: kafkaBrokersVariable(),
});

export type ProductConfig = z.output<typeof productConfigSchema>;
