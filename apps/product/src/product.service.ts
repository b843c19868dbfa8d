import type { ServiceDefinition } from '#libs/service-defaults';
import { type ProductConfig, productConfigSchema } from './product.config.js';
import { productMigrations } from './database/migrations/index.js';

export const productService: ServiceDefinition<ProductConfig> = {
  name: 'product',
  configSchema: productConfigSchema,
  database: (config) => ({ url: config.DATABASE_URL, migrations: productMigrations }),
  kafka: (config) => ({ brokers: config.KAFKA_BROKERS }),
  imports: () => [],
};
