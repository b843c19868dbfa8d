import { Inject, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { z } from 'zod';
import { ProblemException } from '#libs/problem-details';
import { SERVICE_CONFIG } from '#libs/service-defaults';
import type { GatewayConfig } from '../gateway.config.js';
import type { CallDeadline } from '../downstream/call-deadline.js';
import { DownstreamHeaders } from '../downstream/downstream-headers.js';
import { problemFor } from '../downstream/downstream-failure.js';
import { ServiceClients } from '../downstream/service-clients.js';

/** Only the owner matters here; the rest of the order passes through untouched. */
const ownedOrderSchema = z.looseObject({ customerId: z.string() });
export type OwnedOrder = z.output<typeof ownedOrderSchema>;

/**
 * Reads an order on behalf of a customer. Another customer's order answers exactly like a
 * missing one, 404 `ORDER.NOT_FOUND`, so ids cannot be probed for existence.
 */
@Injectable()
export class OrderOwnerClient {
  constructor(
    private readonly clients: ServiceClients,
    private readonly headers: DownstreamHeaders,
    @Inject(SERVICE_CONFIG) private readonly config: GatewayConfig,
  ) {}

  async orderOf(
    customerId: string,
    orderId: string,
    request: Request,
    deadline: CallDeadline,
  ): Promise<OwnedOrder> {
    const order = await this.clients
      .of('order')
      .get(`/orders/${orderId}`, ownedOrderSchema, {
        signal: deadline.signal,
        headers: await this.headers.forCall(request, 'order', deadline),
      })
      .catch((error: unknown) => {
        throw problemFor(error, this.config.DOWNSTREAM_TIMEOUT_MS);
      });
    if (order.customerId !== customerId) {
      throw new ProblemException({
        status: 404,
        title: 'Not Found',
        detail: `There is no order ${orderId}.`,
        code: 'ORDER.NOT_FOUND',
      });
    }
    return order;
  }
}
