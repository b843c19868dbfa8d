import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { type ProductDetail, ProductUpdated, type UpdateProductRequest } from '#libs/contracts';
import { OutboxWriter } from '#libs/messaging';
import { catalogEntry } from '../catalog-entry.js';
import { CategoryRepository } from '../category.repository.js';
import { ProductErrors } from '../product.errors.js';
import { ProductRepository } from '../product.repository.js';

/** Changes a product's descriptive fields and announces its whole new state. */
@Injectable()
export class UpdateProductHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly products: ProductRepository,
    private readonly categories: CategoryRepository,
    private readonly outbox: OutboxWriter,
  ) {}

  execute(productId: string, changes: UpdateProductRequest): Promise<ProductDetail> {
    return this.dataSource.transaction(async (transaction) => {
      const current = await this.products.lockForChange(transaction, productId);
      if (!current) throw ProductErrors.notFound(productId);
      if (changes.categoryId && !(await this.categories.exists(transaction, changes.categoryId))) {
        throw ProductErrors.unknownCategory(changes.categoryId);
      }
      await this.products.updateDescriptiveFields(transaction, productId, {
        name: changes.name ?? current.name,
        description: changes.description ?? current.description,
        categoryId: changes.categoryId ?? current.categoryId,
        attributes: changes.attributes ?? current.attributes,
        imageUrl: changes.imageUrl === undefined ? current.imageUrl : changes.imageUrl,
      });
      const product = (await this.products.findDetail(productId, transaction))!;
      await this.outbox.append(transaction, ProductUpdated, productId, catalogEntry(product));
      return product;
    });
  }
}
