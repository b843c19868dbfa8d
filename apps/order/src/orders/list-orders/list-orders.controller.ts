import { Controller, Get, Query } from '@nestjs/common';
import { type ListOrdersQuery, listOrdersQuerySchema, type OrderPage } from '#libs/contracts';
import { ZodValidationPipe } from '#libs/validation';
import { OrderRepository } from '../order.repository.js';
import { orderView } from '../order-view.js';

/**
 * `GET /orders?customerId=&page=&pageSize=`: a customer's orders, newest first. The customer is
 * explicit until the gateway passes the one from its token.
 */
@Controller('orders')
export class ListOrdersController {
  constructor(private readonly orders: OrderRepository) {}

  @Get()
  async list(
    @Query(new ZodValidationPipe(listOrdersQuerySchema)) query: ListOrdersQuery,
  ): Promise<OrderPage> {
    const { customerId, page, pageSize } = query;
    const { orders, total } = await this.orders.pageOfCustomer(customerId, { page, pageSize });
    return { items: orders.map(orderView), total, page, pageSize };
  }
}
