import { Body, Controller, Param, Put } from '@nestjs/common';
import {
  changePriceRequestSchema,
  type ChangePriceRequest,
  type ProductDetail,
} from '#libs/contracts';
import { ZodValidationPipe } from '#libs/validation';
import { ChangePriceHandler } from './change-price.handler.js';
import { canonicalUuid } from '../../canonical-uuid.js';

/** Admin: `PUT /products/:id/price` `{ price }` → the product with its new price. */
@Controller('products')
export class ChangePriceController {
  constructor(private readonly handler: ChangePriceHandler) {}

  @Put(':id/price')
  change(
    @Param('id', new ZodValidationPipe(canonicalUuid)) productId: string,
    @Body(new ZodValidationPipe(changePriceRequestSchema)) { price }: ChangePriceRequest,
  ): Promise<ProductDetail> {
    return this.handler.execute(productId, price);
  }
}
