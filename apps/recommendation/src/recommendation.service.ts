import type { ServiceDefinition } from '#libs/service-defaults';
import { RecommendationApiDocsModule } from './api-docs/recommendation-api-docs.module.js';
import { RecommendationFaultsModule } from './faults/recommendation-faults.module.js';
import { CatalogModule } from './catalog/catalog.module.js';
import { recommendationMigrations } from './database/migrations/index.js';
import { PurchasesModule } from './purchases/purchases.module.js';
import { type RecommendationConfig, recommendationConfigSchema } from './recommendation.config.js';
import { RecommendationsModule } from './recommendations/recommendations.module.js';

/**
 * A read model built only from events: a copy of the catalog (product events) and co-purchase
 * statistics (order events), queried over REST without calling any other service.
 */
export const recommendationService: ServiceDefinition<RecommendationConfig> = {
  name: 'recommendation',
  configSchema: recommendationConfigSchema,
  database: (config) => ({ url: config.DATABASE_URL, migrations: recommendationMigrations }),
  kafka: (config) => ({ brokers: config.KAFKA_BROKERS }),
  imports: (config) => [
    RecommendationFaultsModule.forRoot(config.FAULT_INJECTION === 'on'),
    CatalogModule,
    PurchasesModule,
    RecommendationsModule,
    RecommendationApiDocsModule,
  ],
};
