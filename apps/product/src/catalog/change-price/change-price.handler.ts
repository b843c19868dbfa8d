import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { type Money, type ProductDetail, ProductPriceChanged } from '#libs/contracts';
import { OutboxWriter } from '#libs/messaging';
import { ProductErrors } from '../product.errors.js';
import { ProductRepository } from '../product.repository.js';

/**
 * Sets a product's list price and announces the change with the previous price. Setting the price
 * it already has changes nothing and announces nothing, so a retried request is harmless.
 */
@Injectable()
export class ChangePriceHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly products: ProductRepository,
    private readonly outbox: OutboxWriter,
  ) {}

  execute(productId: string, price: Money): Promise<ProductDetail> {
    return this.dataSource.transaction(async (transaction) => {
      const current = await this.products.lockForChange(transaction, productId);
      if (!current) throw ProductErrors.notFound(productId);
      if (sameMoney(current.price, price)) return current;

      await this.products.changePrice(transaction, productId, price);
      await this.outbox.append(transaction, ProductPriceChanged, productId, {
        productId,
        previousPrice: current.price,
        price,
      });
      return (await this.products.findDetail(productId, transaction))!;
    });
  }
}

function sameMoney(a: Money, b: Money): boolean {
  return a.amount === b.amount && a.currency === b.currency;
}
