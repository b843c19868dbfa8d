import { FaultInjectionModule } from '#libs/fault-injection';
import type { ServiceDefinition } from '#libs/service-defaults';
import { ProductApiDocsModule } from './api-docs/product-api-docs.module.js';
import { type ProductConfig, productConfigSchema } from './product.config.js';
import { CatalogModule } from './catalog/catalog.module.js';
import { productMigrations } from './database/migrations/index.js';
import { productFaultsSchema } from './faults/product-faults.schema.js';
import { PromotionFloodModule } from './promotion-flood/promotion-flood.module.js';
import { InventoryModule } from './inventory/inventory.module.js';
import { StockReservationsModule } from './stock-reservations/stock-reservations.module.js';

/** The catalog and its inventory: products, categories, stock levels and stock reservations. */
export const productService: ServiceDefinition<ProductConfig> = {
  name: 'product',
  configSchema: productConfigSchema,
  database: (config) => ({ url: config.DATABASE_URL, migrations: productMigrations }),
  kafka: (config) => ({ brokers: config.KAFKA_BROKERS }),
  imports: (config) => [
    FaultInjectionModule.forRoot({
      enabled: config.FAULT_INJECTION === 'on',
      schema: productFaultsSchema,
    }),
    CatalogModule,
    InventoryModule,
    StockReservationsModule.consuming(config.SAGA_COMMANDS_CONSUMER_GROUP),
    ProductApiDocsModule,
    PromotionFloodModule,
  ],
};
