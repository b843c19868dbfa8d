import { Controller, Get, Param, Req } from '@nestjs/common';
import type { Request } from 'express';
import { type ProductDetailPage } from '#libs/contracts';
import { z } from 'zod';
import { ZodValidationPipe } from '#libs/validation';
import { ProductPageHandler } from './product-page.handler.js';

@Controller('api/products')
export class ProductPageController {
  constructor(private readonly page: ProductPageHandler) {}

  @Get(':id/page')
  show(
    @Param('id', new ZodValidationPipe(z.uuid())) productId: string,
    @Req() request: Request,
  ): Promise<ProductDetailPage> {
    return this.page.execute(productId, request);
  }
}
