import { Controller, Get, Param } from '@nestjs/common';
import type { StockLevels } from '#libs/contracts';
import { ZodValidationPipe } from '#libs/validation';
import { GetStockLevelsHandler } from './get-stock-levels.handler.js';
import { canonicalUuid } from '../../canonical-uuid.js';

/**
 * Internal: `GET /inventory/:productId`. Outside `/products` on purpose, so that the gateway's
 * `/api/products/...` mapping does not publish warehouse numbers; shoppers see `availableStock`.
 */
@Controller('inventory')
export class GetStockLevelsController {
  constructor(private readonly handler: GetStockLevelsHandler) {}

  @Get(':productId')
  levels(
    @Param('productId', new ZodValidationPipe(canonicalUuid)) productId: string,
  ): Promise<StockLevels> {
    return this.handler.execute(productId);
  }
}
