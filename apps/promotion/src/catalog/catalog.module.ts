import { type DynamicModule, Module } from '@nestjs/common';
import { MessagingModule } from '#libs/messaging';
import { CatalogRepository } from './catalog.repository.js';
import { ChangeListPriceWhenProductPriceChanged } from './change-list-price/change-list-price-when-product-price-changed.handler.js';
import { RecordProductWhenProductCreated } from './record-product/record-product-when-product-created.handler.js';
import { RecordProductWhenProductUpdated } from './record-product/record-product-when-product-updated.handler.js';

/**
 * The price projection, fed by product events. Global because `MessagingModule.forConsumer`
 * builds its own module around the handlers, and that module sees only global providers: this
 * is how the handlers get their repository (and how pricing and promotions get it too).
 */
@Module({})
export class CatalogModule {
  static consuming(groupId: string): DynamicModule {
    return {
      module: CatalogModule,
      global: true,
      imports: [
        MessagingModule.forConsumer({
          groupId,
          handlers: [
            RecordProductWhenProductCreated,
            RecordProductWhenProductUpdated,
            ChangeListPriceWhenProductPriceChanged,
          ],
        }),
      ],
      providers: [CatalogRepository],
      exports: [CatalogRepository],
    };
  }
}
