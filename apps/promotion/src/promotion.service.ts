import type { ServiceDefinition } from '#libs/service-defaults';
import { type PromotionConfig, promotionConfigSchema } from './promotion.config.js';
import { promotionMigrations } from './database/migrations/index.js';

export const promotionService: ServiceDefinition<PromotionConfig> = {
  name: 'promotion',
  configSchema: promotionConfigSchema,
  database: (config) => ({ url: config.DATABASE_URL, migrations: promotionMigrations }),
  kafka: (config) => ({ brokers: config.KAFKA_BROKERS }),
  imports: () => [],
};
