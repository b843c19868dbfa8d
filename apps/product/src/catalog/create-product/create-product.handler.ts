import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { type CreateProductRequest, ProductCreated, type ProductDetail } from '#libs/contracts';
import { OutboxWriter } from '#libs/messaging';
import { InventoryRepository } from '../../inventory/inventory.repository.js';
import { catalogEntry } from '../catalog-entry.js';
import { CategoryRepository } from '../category.repository.js';
import { ProductErrors } from '../product.errors.js';
import { ProductRepository } from '../product.repository.js';

/**
 * Adds a product with its initial stock and announces it, in one transaction: either the product,
 * its stock and its `ProductCreated` event all exist, or none does.
 */
@Injectable()
export class CreateProductHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly products: ProductRepository,
    private readonly categories: CategoryRepository,
    private readonly inventory: InventoryRepository,
    private readonly outbox: OutboxWriter,
  ) {}

  execute({ initialStock, ...request }: CreateProductRequest): Promise<ProductDetail> {
    const id = randomUUID();
    return this.dataSource.transaction(async (transaction) => {
      if (!(await this.categories.exists(transaction, request.categoryId))) {
        throw ProductErrors.unknownCategory(request.categoryId);
      }
      // The unique index decides, so two concurrent creates with one SKU cannot both succeed.
      if (!(await this.products.insertUnlessTaken(transaction, { id, ...request }))) {
        throw ProductErrors.skuTaken(request.sku);
      }
      await this.inventory.createStock(transaction, id, initialStock);
      const product = (await this.products.findDetail(id, transaction))!;
      await this.outbox.append(transaction, ProductCreated, id, catalogEntry(product));
      return product;
    });
  }
}
