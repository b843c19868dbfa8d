import { Controller, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import type { StockReservation } from '#libs/contracts';
import { ZodValidationPipe } from '#libs/validation';
import { ReleaseStockHandler } from './release-stock.handler.js';
import { canonicalUuid } from '../../canonical-uuid.js';

/**
 * `POST /stock-reservations/:orderId/release` → 200 with the reservation, idempotent;
 * 409 `PRODUCT.RESERVATION_COMMITTED` once the stock is sold.
 */
@Controller('stock-reservations')
export class ReleaseStockController {
  constructor(private readonly handler: ReleaseStockHandler) {}

  @Post(':orderId/release')
  @HttpCode(HttpStatus.OK)
  release(
    @Param('orderId', new ZodValidationPipe(canonicalUuid)) orderId: string,
  ): Promise<StockReservation> {
    return this.handler.execute(orderId);
  }
}
