import { Controller, Get, Query } from '@nestjs/common';
import { productListQuerySchema, type ProductListQuery, type ProductPage } from '#libs/contracts';
import { ZodValidationPipe } from '#libs/validation';
import { ListProductsHandler } from './list-products.handler.js';

/** `GET /products?page=&pageSize=&categoryId=&q=&sort=` → `{ items, total, page, pageSize }`. */
@Controller('products')
export class ListProductsController {
  constructor(private readonly handler: ListProductsHandler) {}

  @Get()
  list(
    @Query(new ZodValidationPipe(productListQuerySchema)) query: ProductListQuery,
  ): Promise<ProductPage> {
    return this.handler.execute(query);
  }
}
