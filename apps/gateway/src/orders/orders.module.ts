import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { CustomerOrdersController } from './customer-orders.controller.js';
import { OrderOwnerClient } from './order-owner.client.js';

/** The order routes, scoped to the signed-in customer. */
@Module({
  imports: [AuthModule],
  controllers: [CustomerOrdersController],
  providers: [OrderOwnerClient],
})
export class OrdersModule {}
