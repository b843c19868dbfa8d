import { Global, Module } from '@nestjs/common';
import { MessagingModule } from '#libs/messaging';
import { CatalogRepository } from './catalog.repository.js';
import { ChangePriceWhenProductPriceChanged } from './change-price/change-price-when-product-price-changed.handler.js';
import { CopyProductWhenProductCreated } from './copy-product/copy-product-when-product-created.handler.js';
import { CopyProductWhenProductUpdated } from './copy-product/copy-product-when-product-updated.handler.js';

/**
 * The read model's copy of the catalog, fed by product events. Global because
 * `MessagingModule.forConsumer` builds its own module around the handlers, and that module sees
 * only global providers: this is how the handlers get their repository.
 */
@Global()
@Module({
  imports: [
    MessagingModule.forConsumer({
      groupId: 'recommendation.catalog',
      handlers: [
        CopyProductWhenProductCreated,
        CopyProductWhenProductUpdated,
        ChangePriceWhenProductPriceChanged,
      ],
    }),
  ],
  providers: [CatalogRepository],
  exports: [CatalogRepository],
})
export class CatalogModule {}
