import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { type EventEnvelope, type PayloadOf, ProductUpdated } from '#libs/contracts';
import type { EventHandler } from '#libs/messaging';
import { CatalogRepository } from '../catalog.repository.js';

/**
 * A product's new state may move it to another category, which changes the category promotions
 * that apply to it. The event carries the whole state, so it also (re)creates a missing product.
 */
@Injectable()
export class RecordProductWhenProductUpdated implements EventHandler<typeof ProductUpdated> {
  readonly contract = ProductUpdated;

  constructor(private readonly catalog: CatalogRepository) {}

  async handle(
    { payload, occurredAt }: EventEnvelope<PayloadOf<typeof ProductUpdated>>,
    transaction: EntityManager,
  ): Promise<void> {
    const { productId, categoryId, price } = payload;
    await this.catalog.recordProduct(
      transaction,
      { productId, categoryId, listPrice: price },
      occurredAt,
    );
  }
}
