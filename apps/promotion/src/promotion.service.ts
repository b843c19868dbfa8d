import type { ServiceDefinition } from '#libs/service-defaults';
import { CatalogModule } from './catalog/catalog.module.js';
import { CouponsModule } from './coupons/coupons.module.js';
import { promotionMigrations } from './database/migrations/index.js';
import { PricingModule } from './pricing/pricing.module.js';
import { type PromotionConfig, promotionConfigSchema } from './promotion.config.js';
import { PromotionsModule } from './promotions/promotions.module.js';
import { DemoSeedModule } from './seed/demo-seed.module.js';

/**
 * Pricing: promotions, coupons and cart quotes, priced from a projection of the catalog's list
 * prices that product events keep current (never a synchronous call to the product service).
 */
export const promotionService: ServiceDefinition<PromotionConfig> = {
  name: 'promotion',
  configSchema: promotionConfigSchema,
  database: (config) => ({ url: config.DATABASE_URL, migrations: promotionMigrations }),
  kafka: (config) => ({ brokers: config.KAFKA_BROKERS }),
  imports: (config) => [
    CatalogModule.consuming(config.CATALOG_CONSUMER_GROUP),
    PromotionsModule,
    CouponsModule,
    PricingModule,
    DemoSeedModule,
  ],
};
