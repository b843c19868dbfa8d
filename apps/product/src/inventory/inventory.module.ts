import { Module } from '@nestjs/common';
import { GetStockLevelsController } from './get-stock-levels/get-stock-levels.controller.js';
import { GetStockLevelsHandler } from './get-stock-levels/get-stock-levels.handler.js';
import { InventoryRepository } from './inventory.repository.js';
import { RestockController } from './restock/restock.controller.js';
import { RestockHandler } from './restock/restock.handler.js';

/** Stock per product: levels and restocking. Catalog and reservations build on its repository. */
@Module({
  controllers: [GetStockLevelsController, RestockController],
  providers: [InventoryRepository, GetStockLevelsHandler, RestockHandler],
  exports: [InventoryRepository],
})
export class InventoryModule {}
