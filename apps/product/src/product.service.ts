import type { ServiceDefinition } from '#libs/service-defaults';
import { type ProductConfig, productConfigSchema } from './product.config.js';
import { CatalogModule } from './catalog/catalog.module.js';
import { productMigrations } from './database/migrations/index.js';
import { InventoryModule } from './inventory/inventory.module.js';
import { StockReservationsModule } from './stock-reservations/stock-reservations.module.js';

/** The catalog and its inventory: products, categories, stock levels and stock reservations. */
export const productService: ServiceDefinition<ProductConfig> = {
  name: 'product',
  configSchema: productConfigSchema,
  database: (config) => ({ url: config.DATABASE_URL, migrations: productMigrations }),
  kafka: (config) => ({ brokers: config.KAFKA_BROKERS }),
  imports: () => [CatalogModule, InventoryModule, StockReservationsModule],
};
