import { Controller, Get, Param } from '@nestjs/common';
import { orderIdSchema, type OrderView } from '#libs/contracts';
import { DomainError } from '#libs/domain-errors';
import { ZodValidationPipe } from '#libs/validation';
import { OrderRepository } from '../order.repository.js';
import { orderView } from '../order-view.js';

/** `GET /orders/:id`: one order with its lines, discounts, totals and status. */
@Controller('orders')
export class GetOrderController {
  constructor(private readonly orders: OrderRepository) {}

  @Get(':id')
  async get(@Param('id', new ZodValidationPipe(orderIdSchema)) id: string): Promise<OrderView> {
    const order = await this.orders.findById(id);
    if (!order) throw new DomainError('ORDER.NOT_FOUND', 'not-found', `There is no order ${id}.`);
    return orderView(order);
  }
}
