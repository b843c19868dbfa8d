import { Module } from '@nestjs/common';
import { CatalogModule } from '../catalog/catalog.module.js';
import { RecommendForCustomerController } from './recommend-for-customer/recommend-for-customer.controller.js';
import { RecommendForCustomerHandler } from './recommend-for-customer/recommend-for-customer.handler.js';
import { RecommendForProductController } from './recommend-for-product/recommend-for-product.controller.js';
import { RecommendForProductHandler } from './recommend-for-product/recommend-for-product.handler.js';
import { RecommendationsRepository } from './recommendations.repository.js';

/** The query side: recommendations answered from the read model, never from another service. */
@Module({
  imports: [CatalogModule],
  controllers: [RecommendForProductController, RecommendForCustomerController],
  providers: [RecommendForProductHandler, RecommendForCustomerHandler, RecommendationsRepository],
})
export class RecommendationsModule {}
