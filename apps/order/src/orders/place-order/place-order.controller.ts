import { Body, Controller, HttpCode, HttpStatus, Post, Res } from '@nestjs/common';
import type { Response } from 'express';
import {
  type PlaceOrderRequest,
  placeOrderRequestSchema,
  type PlaceOrderResponse,
} from '#libs/contracts';
import { ZodValidationPipe } from '#libs/validation';
import { IdempotencyKey } from './idempotency-key.decorator.js';
import { OrderNotPlaced } from './order-not-placed.error.js';
import { orderNotPlacedProblem } from './order-not-placed.problem.js';
import { PlaceOrderHandler } from './place-order.handler.js';

/**
 * `POST /orders`. Answers 202 `{ id, status: PENDING }` as soon as the order and its saga are
 * stored; the client follows the order with `GET /orders/:id` (and `/saga`). A replay of an
 * earlier request answers 200 with `Idempotent-Replayed: true` and the first order as it stands
 * now. Only a refused or failed quote answers an error: then no order exists.
 */
@Controller('orders')
export class PlaceOrderController {
  constructor(private readonly placeOrder: PlaceOrderHandler) {}

  @Post()
  @HttpCode(HttpStatus.ACCEPTED)
  async place(
    @IdempotencyKey() idempotencyKey: string,
    @Body(new ZodValidationPipe(placeOrderRequestSchema)) request: PlaceOrderRequest,
    @Res({ passthrough: true }) response: Response,
  ): Promise<PlaceOrderResponse> {
    const { order, replayed } = await this.placeOrder
      .execute({ ...request, idempotencyKey })
      .catch((error: unknown) => {
        throw error instanceof OrderNotPlaced ? orderNotPlacedProblem(error) : error;
      });
    if (replayed) response.status(HttpStatus.OK).setHeader('Idempotent-Replayed', 'true');
    return order;
  }
}
