import { FaultInjectionModule } from '#libs/fault-injection';
import type { ServiceDefinition } from '#libs/service-defaults';
import { PromotionApiDocsModule } from './api-docs/promotion-api-docs.module.js';
import { CatalogModule } from './catalog/catalog.module.js';
import { CouponsModule } from './coupons/coupons.module.js';
import { CouponCommandsModule } from './coupons/saga-commands/coupon-commands.module.js';
import { promotionMigrations } from './database/migrations/index.js';
import { promotionFaultsSchema } from './faults/promotion-faults.schema.js';
import { PricingModule } from './pricing/pricing.module.js';
import { type PromotionConfig, promotionConfigSchema } from './promotion.config.js';
import { PromotionRateLimitsModule } from './rate-limits/promotion-rate-limits.module.js';
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
    FaultInjectionModule.forRoot({
      enabled: config.FAULT_INJECTION === 'on',
      schema: promotionFaultsSchema,
    }),
    PromotionRateLimitsModule.forConfig(config),
    CatalogModule.consuming(config.CATALOG_CONSUMER_GROUP),
    PromotionsModule,
    CouponsModule,
    CouponCommandsModule.consuming(config.SAGA_COMMANDS_CONSUMER_GROUP),
    PricingModule,
    DemoSeedModule,
    PromotionApiDocsModule,
  ],
};
