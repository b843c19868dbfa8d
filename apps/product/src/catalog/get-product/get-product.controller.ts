import { Controller, Get, Param } from '@nestjs/common';
import type { ProductDetail } from '#libs/contracts';
import { ZodValidationPipe } from '#libs/validation';
import { GetProductHandler } from './get-product.handler.js';
import { canonicalUuid } from '../../canonical-uuid.js';

/** `GET /products/:id` → the product, or 404 `PRODUCT.NOT_FOUND`. */
@Controller('products')
export class GetProductController {
  constructor(private readonly handler: GetProductHandler) {}

  @Get(':id')
  get(
    @Param('id', new ZodValidationPipe(canonicalUuid)) productId: string,
  ): Promise<ProductDetail> {
    return this.handler.execute(productId);
  }
}
