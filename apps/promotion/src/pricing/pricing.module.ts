import { Module } from '@nestjs/common';
import { CouponsModule } from '../coupons/coupons.module.js';
import { PromotionsModule } from '../promotions/promotions.module.js';
import { QuoteCartController } from './quote-cart/quote-cart.controller.js';
import { QuoteCartHandler } from './quote-cart/quote-cart.handler.js';

/** Cart quotes. List prices come from the global CatalogModule's projection. */
@Module({
  imports: [PromotionsModule, CouponsModule],
  controllers: [QuoteCartController],
  providers: [QuoteCartHandler],
})
export class PricingModule {}
