import { Injectable } from '@nestjs/common';
import type { ProductDetail } from '#libs/contracts';
import { ProductErrors } from '../product.errors.js';
import { ProductRepository } from '../product.repository.js';

/** One product with everything a product page shows. */
@Injectable()
export class GetProductHandler {
  constructor(private readonly products: ProductRepository) {}

  async execute(productId: string): Promise<ProductDetail> {
    const product = await this.products.findDetail(productId);
    if (!product) throw ProductErrors.notFound(productId);
    return product;
  }
}
