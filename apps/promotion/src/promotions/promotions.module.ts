import { Module } from '@nestjs/common';
import { CreatePromotionController } from './create-promotion/create-promotion.controller.js';
import { CreatePromotionHandler } from './create-promotion/create-promotion.handler.js';
import { GetPromotionController } from './get-promotion/get-promotion.controller.js';
import { GetPromotionHandler } from './get-promotion/get-promotion.handler.js';
import { ListApplicablePromotionsController } from './list-applicable-promotions/list-applicable-promotions.controller.js';
import { ListApplicablePromotionsHandler } from './list-applicable-promotions/list-applicable-promotions.handler.js';
import { PromotionsRepository } from './promotions.repository.js';

/** Promotions: admin create and read, and the promotions that apply to a product. */
@Module({
  controllers: [
    ListApplicablePromotionsController,
    GetPromotionController,
    CreatePromotionController,
  ],
  providers: [
    PromotionsRepository,
    CreatePromotionHandler,
    GetPromotionHandler,
    ListApplicablePromotionsHandler,
  ],
  exports: [PromotionsRepository],
})
export class PromotionsModule {}
