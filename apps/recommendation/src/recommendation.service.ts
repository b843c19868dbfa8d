import type { ServiceDefinition } from '#libs/service-defaults';
import { type RecommendationConfig, recommendationConfigSchema } from './recommendation.config.js';
import { recommendationMigrations } from './database/migrations/index.js';

export const recommendationService: ServiceDefinition<RecommendationConfig> = {
  name: 'recommendation',
  configSchema: recommendationConfigSchema,
  database: (config) => ({ url: config.DATABASE_URL, migrations: recommendationMigrations }),
  kafka: (config) => ({ brokers: config.KAFKA_BROKERS }),
  imports: () => [],
};
