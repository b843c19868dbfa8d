import { Body, Controller, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { restockRequestSchema, type RestockRequest, type StockLevels } from '#libs/contracts';
import { ZodValidationPipe } from '#libs/validation';
import { RestockHandler } from './restock.handler.js';
import { canonicalUuid } from '../../canonical-uuid.js';

/** Admin: `POST /products/:id/restock` `{ quantity }` → the product's stock levels. */
@Controller('products')
export class RestockController {
  constructor(private readonly handler: RestockHandler) {}

  @Post(':id/restock')
  @HttpCode(HttpStatus.OK)
  restock(
    @Param('id', new ZodValidationPipe(canonicalUuid)) productId: string,
    @Body(new ZodValidationPipe(restockRequestSchema)) request: RestockRequest,
  ): Promise<StockLevels> {
    return this.handler.execute(productId, request);
  }
}
