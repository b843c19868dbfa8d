import { Module } from '@nestjs/common';
import { PromotionClient } from './promotion.client.js';

/**
 * The one service the order service calls synchronously: promotion, for the price quote a new
 * order is priced from. Everything after that travels as saga commands over Kafka.
 */
@Module({
  providers: [PromotionClient],
  exports: [PromotionClient],
})
export class DownstreamClientsModule {}
