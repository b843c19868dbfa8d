import { Global, Module } from '@nestjs/common';
import { MessagingModule } from '#libs/messaging';
import { PurchaseStatisticsRepository } from './purchase-statistics.repository.js';
import { RecordPurchasesWhenOrderConfirmed } from './record-purchases/record-purchases-when-order-confirmed.handler.js';

/**
 * Co-purchase statistics, fed by order events. Global for the same reason as `CatalogModule`:
 * the consumer module built by `MessagingModule.forConsumer` sees only global providers.
 */
@Global()
@Module({
  imports: [
    MessagingModule.forConsumer({
      groupId: 'recommendation.orders',
      handlers: [RecordPurchasesWhenOrderConfirmed],
    }),
  ],
  providers: [PurchaseStatisticsRepository],
  exports: [PurchaseStatisticsRepository],
})
export class PurchasesModule {}
