import { Controller, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { orderIdSchema, type PlaceOrderResponse } from '#libs/contracts';
import { ZodValidationPipe } from '#libs/validation';
import { PlacementSagaOrchestrator } from '../saga/placement-saga.orchestrator.js';

/**
 * `POST /orders/:id/cancel`: the customer cancels their PENDING order. The saga compensates what
 * it may hold and ends the order CANCELLED with ORDER.CANCELLED_BY_CUSTOMER; the answer is 202
 * with the order still PENDING until then. Repeating the cancel is harmless; after the pivot it
 * is 409 ORDER.NOT_CANCELLABLE. The gateway checks that the order is the caller's.
 */
@Controller('orders')
export class CancelOrderController {
  constructor(private readonly orchestrator: PlacementSagaOrchestrator) {}

  @Post(':id/cancel')
  @HttpCode(HttpStatus.ACCEPTED)
  async cancel(
    @Param('id', new ZodValidationPipe(orderIdSchema)) id: string,
  ): Promise<PlaceOrderResponse> {
    const order = await this.orchestrator.cancelByCustomer(id);
    return { id: order.id, status: order.status };
  }
}
