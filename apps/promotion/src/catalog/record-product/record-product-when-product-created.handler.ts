import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { type EventEnvelope, type PayloadOf, ProductCreated } from '#libs/contracts';
import type { EventHandler } from '#libs/messaging';
import { CatalogRepository } from '../catalog.repository.js';

/** A new product becomes quotable (and stops being `PROMOTION.UNKNOWN_PRODUCT`). */
@Injectable()
export class RecordProductWhenProductCreated implements EventHandler<typeof ProductCreated> {
  readonly contract = ProductCreated;

  constructor(private readonly catalog: CatalogRepository) {}

  async handle(
    { payload, occurredAt }: EventEnvelope<PayloadOf<typeof ProductCreated>>,
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
