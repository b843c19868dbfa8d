import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { AdminOrdersController } from './admin-orders.controller.js';
import { CustomerOrdersController } from './customer-orders.controller.js';
import { OrderOwnerClient } from './order-owner.client.js';

/** The order routes, scoped to the signed-in customer, and the admins' saga retry. */
@Module({
  imports: [AuthModule],
  controllers: [CustomerOrdersController, AdminOrdersController],
  providers: [OrderOwnerClient],
})
export class OrdersModule {}
