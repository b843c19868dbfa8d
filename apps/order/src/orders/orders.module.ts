import { Module } from '@nestjs/common';
import { DownstreamClientsModule } from '../clients/downstream-clients.module.js';
import { GetOrderController } from './get-order/get-order.controller.js';
import { ListOrdersController } from './list-orders/list-orders.controller.js';
import { OrderLifecycle } from './order-lifecycle.js';
import { OrderRepository } from './order.repository.js';
import { PlaceOrderController } from './place-order/place-order.controller.js';
import { PlaceOrderHandler } from './place-order/place-order.handler.js';
import { SynchronousPlacement } from './place-order/synchronous-placement.js';

/** Orders: placing one, reading one, listing a customer's. */
@Module({
  imports: [DownstreamClientsModule],
  controllers: [PlaceOrderController, GetOrderController, ListOrdersController],
  providers: [OrderRepository, OrderLifecycle, PlaceOrderHandler, SynchronousPlacement],
})
export class OrdersModule {}
