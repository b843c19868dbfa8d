import { Module } from '@nestjs/common';
import { InventoryModule } from '../inventory/inventory.module.js';
import { CommitStockController } from './commit-stock/commit-stock.controller.js';
import { CommitStockHandler } from './commit-stock/commit-stock.handler.js';
import { GetStockReservationController } from './get-stock-reservation/get-stock-reservation.controller.js';
import { ReleaseStockController } from './release-stock/release-stock.controller.js';
import { ReleaseStockHandler } from './release-stock/release-stock.handler.js';
import { ReserveStockController } from './reserve-stock/reserve-stock.controller.js';
import { ReserveStockHandler } from './reserve-stock/reserve-stock.handler.js';
import { StockReservationRepository } from './stock-reservation.repository.js';

/** Stock held for orders: reserve, release and commit, each idempotent by order id. */
@Module({
  imports: [InventoryModule],
  controllers: [
    ReserveStockController,
    GetStockReservationController,
    ReleaseStockController,
    CommitStockController,
  ],
  providers: [
    StockReservationRepository,
    ReserveStockHandler,
    ReleaseStockHandler,
    CommitStockHandler,
  ],
})
export class StockReservationsModule {}
