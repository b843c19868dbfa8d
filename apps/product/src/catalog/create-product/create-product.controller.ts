import { Body, Controller, Post } from '@nestjs/common';
import {
  createProductRequestSchema,
  type CreateProductRequest,
  type ProductDetail,
} from '#libs/contracts';
import { ZodValidationPipe } from '#libs/validation';
import { CreateProductHandler } from './create-product.handler.js';

/**
 * Admin: `POST /products` → 201 with the product; 409 `PRODUCT.SKU_TAKEN`,
 * 422 `PRODUCT.UNKNOWN_CATEGORY`. The gateway guards it (`POST /api/admin/products`).
 */
@Controller('products')
export class CreateProductController {
  constructor(private readonly handler: CreateProductHandler) {}

  @Post()
  create(
    @Body(new ZodValidationPipe(createProductRequestSchema)) request: CreateProductRequest,
  ): Promise<ProductDetail> {
    return this.handler.execute(request);
  }
}
