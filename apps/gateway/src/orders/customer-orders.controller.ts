import { Body, Controller, Get, Inject, Param, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { z } from 'zod';
import { orderIdSchema } from '#libs/contracts';
import { SERVICE_CONFIG } from '#libs/service-defaults';
import { ZodValidationPipe } from '#libs/validation';
import type { AuthenticatedUser } from '../auth/access-tokens/authenticated-user.js';
import { CurrentUser } from '../auth/authentication/current-user.decorator.js';
import { RequireRole } from '../auth/authentication/require-role.decorator.js';
import { CallDeadline } from '../downstream/call-deadline.js';
import { DownstreamProxy } from '../downstream/downstream-proxy.js';
import type { GatewayConfig } from '../gateway.config.js';
import { requireIdempotencyKey } from './idempotency-key.js';
import { OrderOwnerClient } from './order-owner.client.js';

const jsonObject = z.record(z.string(), z.unknown(), { message: 'must be a JSON object' });

/**
 * A customer's orders, always on behalf of the customer in the token: the gateway writes their id
 * into what it sends (a `customerId` from the client is overwritten), lists only their orders and
 * shows no one else's. The order service validates the rest.
 */
@Controller('api/orders')
@RequireRole('customer')
export class CustomerOrdersController {
  constructor(
    private readonly proxy: DownstreamProxy,
    private readonly owners: OrderOwnerClient,
    @Inject(SERVICE_CONFIG) private readonly config: GatewayConfig,
  ) {}

  @Post()
  place(
    @Req() request: Request,
    @Res() response: Response,
    @CurrentUser() customer: AuthenticatedUser,
    @Body(new ZodValidationPipe(jsonObject)) order: Record<string, unknown>,
  ): Promise<void> {
    requireIdempotencyKey(request);
    return this.proxy.forward(request, response, {
      service: 'order',
      path: '/orders',
      body: { ...order, customerId: customer.userId },
    });
  }

  @Get()
  list(
    @Req() request: Request,
    @Res() response: Response,
    @CurrentUser() customer: AuthenticatedUser,
  ): Promise<void> {
    const query = new URL(request.originalUrl, 'http://gateway').searchParams;
    query.set('customerId', customer.userId);
    return this.proxy.forward(request, response, { service: 'order', path: `/orders?${query}` });
  }

  @Get(':id')
  async one(
    @Req() request: Request,
    @CurrentUser() customer: AuthenticatedUser,
    @Param('id', new ZodValidationPipe(orderIdSchema)) orderId: string,
  ): Promise<unknown> {
    const deadline = CallDeadline.startingNow(this.config.DOWNSTREAM_TIMEOUT_MS);
    return this.owners.orderOf(customer.userId, orderId, request, deadline);
  }

  /**
   * The order's saga timeline: for its owner, or for an admin (who may look at any order's, to
   * see where a placement stands).
   */
  @Get(':id/saga')
  @RequireRole('customer', 'admin')
  async saga(
    @Req() request: Request,
    @Res() response: Response,
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', new ZodValidationPipe(orderIdSchema)) orderId: string,
  ): Promise<void> {
    const deadline = CallDeadline.startingNow(this.config.DOWNSTREAM_TIMEOUT_MS);
    if (user.role === 'customer')
      await this.owners.orderOf(user.userId, orderId, request, deadline);
    return this.proxy.forward(request, response, {
      service: 'order',
      path: `/orders/${orderId}/saga`,
      deadline,
    });
  }

  /** The owner cancels their PENDING order (202); 409 once it is past the point of no return. */
  @Post(':id/cancel')
  async cancel(
    @Req() request: Request,
    @Res() response: Response,
    @CurrentUser() customer: AuthenticatedUser,
    @Param('id', new ZodValidationPipe(orderIdSchema)) orderId: string,
  ): Promise<void> {
    const deadline = CallDeadline.startingNow(this.config.DOWNSTREAM_TIMEOUT_MS);
    await this.owners.orderOf(customer.userId, orderId, request, deadline);
    return this.proxy.forward(request, response, {
      service: 'order',
      path: `/orders/${orderId}/cancel`,
      body: {},
      deadline,
    });
  }
}
