import { z } from 'zod';
import { kafkaBrokersVariable, postgresUrlVariable, serviceEnvSchema } from '#libs/config';
import { SERVICES } from '#libs/contracts';
import { faultInjectionEnv } from '#libs/fault-injection';

/** Everything the recommendation service reads from its environment, validated at boot. */
export const recommendationConfigSchema = serviceEnvSchema(SERVICES.recommendation.port).extend({
  DATABASE_URL: postgresUrlVariable(),
  KAFKA_BROKERS: kafkaBrokersVariable(),
  /** `on` opens `/admin/faults` to the gateway (docs/resilience.md); off by default. */
  ...faultInjectionEnv,
});

export type RecommendationConfig = z.output<typeof recommendationConfigSchema>;
