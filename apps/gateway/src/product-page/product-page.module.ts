import { Module } from '@nestjs/common';
import { ResilienceMetrics, resilienceMetricProviders } from '#libs/resilience';
import { PricingClient } from './pricing.client.js';
import { ProductCatalogClient } from './product-catalog.client.js';
import { ProductPageController } from './product-page.controller.js';
import { ProductPageHandler } from './product-page.handler.js';
import { CategoryPopularity } from './recommendations/category-popularity.js';
import { LastGoodRecommendations } from './recommendations/last-good-recommendations.js';
import { recommendationPolicyProvider } from './recommendations/recommendation-policy.provider.js';
import { RecommendationsController } from './recommendations/recommendations.controller.js';
import { recommendationsDegradedProvider } from './recommendations/recommendations-degraded.metric.js';
import { RecommendationsClient } from './recommendations/recommendations.client.js';
import { ResilientRecommendations } from './recommendations/resilient-recommendations.js';

/**
 * The composed product page, and the recommendations it shows (also served alone on
 * `GET /api/recommendations`), degraded gracefully: docs/resilience.md.
 */
@Module({
  controllers: [ProductPageController, RecommendationsController],
  providers: [
    ProductPageHandler,
    ProductCatalogClient,
    PricingClient,
    RecommendationsClient,
    ResilientRecommendations,
    LastGoodRecommendations,
    CategoryPopularity,
    recommendationPolicyProvider,
    recommendationsDegradedProvider,
    ResilienceMetrics,
    ...resilienceMetricProviders,
  ],
})
export class ProductPageModule {}
