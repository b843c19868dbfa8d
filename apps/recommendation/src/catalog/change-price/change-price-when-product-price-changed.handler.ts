import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { type EventEnvelope, type PayloadOf, ProductPriceChanged } from '#libs/contracts';
import { type EventHandler, PermanentEventError } from '#libs/messaging';
import { CatalogRepository } from '../catalog.repository.js';

/** Recommendations show the current list price. */
@Injectable()
export class ChangePriceWhenProductPriceChanged implements EventHandler<
  typeof ProductPriceChanged
> {
  readonly contract = ProductPriceChanged;

  constructor(private readonly catalog: CatalogRepository) {}

  async handle(
    { payload, occurredAt }: EventEnvelope<PayloadOf<typeof ProductPriceChanged>>,
    transaction: EntityManager,
  ): Promise<void> {
    const known = await this.catalog.changePrice(
      transaction,
      payload.productId,
      payload.price,
      occurredAt,
    );
    // A product's events share a partition, so its creation always comes first; a price for a
    // product never seen means lost history. Retrying cannot help; a dead letter can be replayed
    // once the product is known.
    if (!known) {
      throw new PermanentEventError(`price changed for unknown product ${payload.productId}`);
    }
  }
}
