import { type DynamicModule, Module } from '@nestjs/common';
import { MessagingModule } from '#libs/messaging';
import { InventoryModule } from '../inventory/inventory.module.js';
import { CommitStockController } from './commit-stock/commit-stock.controller.js';
import { CommitStockHandler } from './commit-stock/commit-stock.handler.js';
import { GetStockReservationController } from './get-stock-reservation/get-stock-reservation.controller.js';
import { ReleaseStockController } from './release-stock/release-stock.controller.js';
import { ReleaseStockHandler } from './release-stock/release-stock.handler.js';
import { ReserveStockController } from './reserve-stock/reserve-stock.controller.js';
import { ReserveStockHandler } from './reserve-stock/reserve-stock.handler.js';
import { CommitStockOnCommand } from './saga-commands/commit-stock-on-command.handler.js';
import { ReleaseStockOnCommand } from './saga-commands/release-stock-on-command.handler.js';
import { ReserveStockOnCommand } from './saga-commands/reserve-stock-on-command.handler.js';
import { StockReplyWriter } from './saga-commands/stock-reply.writer.js';
import { StockReservationRepository } from './stock-reservation.repository.js';

/**
 * Stock held for orders: reserve, release and commit, each idempotent by order id, over HTTP and
 * as the order saga's commands on `inventory.commands` (answered on `inventory.events`).
 *
 * Global because `MessagingModule.forConsumer` builds its own module around the command handlers,
 * and that module sees only global providers: this is how they get the use cases they reuse.
 */
@Module({})
export class StockReservationsModule {
  static consuming(groupId: string): DynamicModule {
    const useCases = [
      StockReservationRepository,
      ReserveStockHandler,
      ReleaseStockHandler,
      CommitStockHandler,
      StockReplyWriter,
    ];
    return {
      module: StockReservationsModule,
      global: true,
      imports: [
        InventoryModule,
        MessagingModule.forConsumer({
          groupId,
          handlers: [ReserveStockOnCommand, ReleaseStockOnCommand, CommitStockOnCommand],
        }),
      ],
      controllers: [
        ReserveStockController,
        GetStockReservationController,
        ReleaseStockController,
        CommitStockController,
      ],
      providers: useCases,
      exports: useCases,
    };
  }
}
