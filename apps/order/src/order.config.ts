import { z } from 'zod';
import { kafkaBrokersVariable, postgresUrlVariable, serviceEnvSchema } from '#libs/config';
import { SERVICES } from '#libs/contracts';

/** Everything the order service reads from its environment, validated at boot. */
export const orderConfigSchema = serviceEnvSchema(SERVICES.order.port).extend({
  DATABASE_URL: postgresUrlVariable(),
  KAFKA_BROKERS: kafkaBrokersVariable(),
});

export type OrderConfig = z.output<typeof orderConfigSchema>;
