import { Injectable } from '@nestjs/common';
import type { ProductListQuery, ProductPage } from '#libs/contracts';
import { ProductRepository } from '../product.repository.js';
import { effectiveSort } from './effective-sort.js';

/** A page of the catalog, optionally filtered by category and searched by words. */
@Injectable()
export class ListProductsHandler {
  constructor(private readonly products: ProductRepository) {}

  async execute(query: ProductListQuery): Promise<ProductPage> {
    const { items, total } = await this.products.search({ ...query, sort: effectiveSort(query) });
    return { items, total, page: query.page, pageSize: query.pageSize };
  }
}
