import { Controller, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import type { StockReservation } from '#libs/contracts';
import { ZodValidationPipe } from '#libs/validation';
import { CommitStockHandler } from './commit-stock.handler.js';
import { canonicalUuid } from '../../canonical-uuid.js';

/**
 * `POST /stock-reservations/:orderId/commit` → 200 with the reservation, idempotent;
 * 404 `PRODUCT.RESERVATION_NOT_FOUND`, 409 `PRODUCT.RESERVATION_RELEASED` or
 * `PRODUCT.RESERVATION_FAILED`.
 */
@Controller('stock-reservations')
export class CommitStockController {
  constructor(private readonly handler: CommitStockHandler) {}

  @Post(':orderId/commit')
  @HttpCode(HttpStatus.OK)
  commit(
    @Param('orderId', new ZodValidationPipe(canonicalUuid)) orderId: string,
  ): Promise<StockReservation> {
    return this.handler.execute(orderId);
  }
}
