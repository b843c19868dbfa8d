import { Controller, Get, Param } from '@nestjs/common';
import type { StockReservation } from '#libs/contracts';
import { ZodValidationPipe } from '#libs/validation';
import { StockReservationErrors } from '../domain/stock-reservation.errors.js';
import { StockReservationRepository } from '../stock-reservation.repository.js';
import { canonicalUuid } from '../../canonical-uuid.js';

/**
 * `GET /stock-reservations/:orderId` → where the order's reservation stands, or 404
 * `PRODUCT.RESERVATION_NOT_FOUND`. A plain read, so no handler in between.
 */
@Controller('stock-reservations')
export class GetStockReservationController {
  constructor(private readonly reservations: StockReservationRepository) {}

  @Get(':orderId')
  async get(
    @Param('orderId', new ZodValidationPipe(canonicalUuid)) orderId: string,
  ): Promise<StockReservation> {
    const reservation = await this.reservations.find(orderId);
    if (!reservation) throw StockReservationErrors.notFound(orderId);
    return reservation;
  }
}
