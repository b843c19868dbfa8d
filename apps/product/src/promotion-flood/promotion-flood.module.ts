import { Module } from '@nestjs/common';
import { promotionFloodCallsProvider } from './promotion-flood.metrics.js';
import { PromotionFlood } from './promotion-flood.js';
import { PromotionClient } from './promotion.client.js';

/** The `promotionFlood` fault and the product service's client of the promotion service. */
@Module({ providers: [PromotionClient, PromotionFlood, promotionFloodCallsProvider] })
export class PromotionFloodModule {}
