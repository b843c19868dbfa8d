import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { type EventEnvelope, type PayloadOf, ProductCreated } from '#libs/contracts';
import type { EventHandler } from '#libs/messaging';
import { CatalogRepository } from '../catalog.repository.js';

/** A new product becomes recommendable (and stops being a 404 here). */
@Injectable()
export class CopyProductWhenProductCreated implements EventHandler<typeof ProductCreated> {
  readonly contract = ProductCreated;

  constructor(private readonly catalog: CatalogRepository) {}

  async handle(
    { payload, occurredAt }: EventEnvelope<PayloadOf<typeof ProductCreated>>,
    transaction: EntityManager,
  ): Promise<void> {
    const { productId, name, categoryId, price } = payload;
    await this.catalog.copyProduct(transaction, { productId, name, categoryId, price }, occurredAt);
  }
}
