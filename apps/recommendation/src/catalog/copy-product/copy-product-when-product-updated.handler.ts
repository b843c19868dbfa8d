import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { type EventEnvelope, type PayloadOf, ProductUpdated } from '#libs/contracts';
import type { EventHandler } from '#libs/messaging';
import { CatalogRepository } from '../catalog.repository.js';

/**
 * The event carries the product's whole new state, so it is copied as it is: an update of a
 * product whose creation this read model never saw still makes it known.
 */
@Injectable()
export class CopyProductWhenProductUpdated implements EventHandler<typeof ProductUpdated> {
  readonly contract = ProductUpdated;

  constructor(private readonly catalog: CatalogRepository) {}

  async handle(
    { payload, occurredAt }: EventEnvelope<PayloadOf<typeof ProductUpdated>>,
    transaction: EntityManager,
  ): Promise<void> {
    const { productId, name, categoryId, price } = payload;
    await this.catalog.copyProduct(transaction, { productId, name, categoryId, price }, occurredAt);
  }
}
