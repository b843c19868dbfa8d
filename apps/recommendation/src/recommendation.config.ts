import { z } from 'zod';
import { kafkaBrokersVariable, postgresUrlVariable, serviceEnvSchema } from '#libs/config';
import { SERVICES } from '#libs/contracts';

/** Everything the recommendation service reads from its environment, validated at boot. */
export const recommendationConfigSchema = serviceEnvSchema(SERVICES.recommendation.port).extend({
  DATABASE_URL: postgresUrlVariable(),
  KAFKA_BROKERS: kafkaBrokersVariable(),
});

export type RecommendationConfig = z.output<typeof recommendationConfigSchema>;
