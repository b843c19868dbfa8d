import { Module } from '@nestjs/common';
import { ProductClient } from './product.client.js';
import { PromotionClient } from './promotion.client.js';

/** The services the order service calls synchronously, one pooled client each. */
@Module({
  providers: [ProductClient, PromotionClient],
  exports: [ProductClient, PromotionClient],
})
export class DownstreamClientsModule {}
