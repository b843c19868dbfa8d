import { Module } from '@nestjs/common';
import { PricingClient } from './pricing.client.js';
import { ProductCatalogClient } from './product-catalog.client.js';
import { ProductPageController } from './product-page.controller.js';
import { ProductPageHandler } from './product-page.handler.js';
import { RecommendationsClient } from './recommendations.client.js';

/** The composed product page. */
@Module({
  controllers: [ProductPageController],
  providers: [ProductPageHandler, ProductCatalogClient, PricingClient, RecommendationsClient],
})
export class ProductPageModule {}
