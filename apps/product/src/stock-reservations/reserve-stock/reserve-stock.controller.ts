import { Body, Controller, HttpStatus, Post, Res } from '@nestjs/common';
import type { Response } from 'express';
import {
  reserveStockRequestSchema,
  type ReserveStockRequest,
  type StockReservation,
} from '#libs/contracts';
import { ZodValidationPipe } from '#libs/validation';
import { ReserveStockHandler } from './reserve-stock.handler.js';

/**
 * `POST /stock-reservations` `{ orderId, lines }` → 201 with the new reservation, or 200 with the
 * existing one when the order reserved before. Refusals: 409 `PRODUCT.OUT_OF_STOCK`,
 * 422 `PRODUCT.UNKNOWN_PRODUCT`, 409 `PRODUCT.RESERVATION_RELEASED`,
 * 409 `PRODUCT.RESERVATION_MISMATCH`.
 */
@Controller('stock-reservations')
export class ReserveStockController {
  constructor(private readonly handler: ReserveStockHandler) {}

  @Post()
  async reserve(
    @Body(new ZodValidationPipe(reserveStockRequestSchema)) request: ReserveStockRequest,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StockReservation> {
    const { reservation, created } = await this.handler.execute(request);
    response.status(created ? HttpStatus.CREATED : HttpStatus.OK);
    return reservation;
  }
}
