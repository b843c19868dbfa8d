import { Body, Controller, Param, Patch } from '@nestjs/common';
import {
  type ProductDetail,
  updateProductRequestSchema,
  type UpdateProductRequest,
} from '#libs/contracts';
import { ZodValidationPipe } from '#libs/validation';
import { UpdateProductHandler } from './update-product.handler.js';
import { canonicalUuid } from '../../canonical-uuid.js';

/** Admin: `PATCH /products/:id` with any of name, description, categoryId, attributes, imageUrl. */
@Controller('products')
export class UpdateProductController {
  constructor(private readonly handler: UpdateProductHandler) {}

  @Patch(':id')
  update(
    @Param('id', new ZodValidationPipe(canonicalUuid)) productId: string,
    @Body(new ZodValidationPipe(updateProductRequestSchema)) changes: UpdateProductRequest,
  ): Promise<ProductDetail> {
    return this.handler.execute(productId, changes);
  }
}
