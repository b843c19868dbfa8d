import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { type EventEnvelope, type PayloadOf, ProductPriceChanged } from '#libs/contracts';
import { type EventHandler, PermanentEventError } from '#libs/messaging';
import { CatalogRepository } from '../catalog.repository.js';

/** Quotes use the new list price from now on. */
@Injectable()
export class ChangeListPriceWhenProductPriceChanged implements EventHandler<
  typeof ProductPriceChanged
> {
  readonly contract = ProductPriceChanged;

  constructor(private readonly catalog: CatalogRepository) {}

  async handle(
    { payload, occurredAt }: EventEnvelope<PayloadOf<typeof ProductPriceChanged>>,
    transaction: EntityManager,
  ): Promise<void> {
    const known = await this.catalog.changeListPrice(
      transaction,
      payload.productId,
      payload.price,
      occurredAt,
    );
    // One product's events share a partition and arrive in order, so an unknown product means its
    // ProductCreated was lost (dead-lettered, say). Retrying cannot help; the dead letter shows it
    // and can be replayed once the product's creation has been.
    if (!known) {
      throw new PermanentEventError(`price change for product ${payload.productId}, never created`);
    }
  }
}
