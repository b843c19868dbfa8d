import { Injectable } from '@nestjs/common';
import { type Quote, quoteSchema } from '#libs/contracts';
import type { CallOptions } from '#libs/http-client';
import { ServiceClients } from '../downstream/service-clients.js';

/** The promotion service, as the product page uses it. */
@Injectable()
export class PricingClient {
  constructor(private readonly clients: ServiceClients) {}

  /** What one unit costs with the promotions in effect now. */
  quoteOneUnit(productId: string, call: CallOptions): Promise<Quote> {
    const request = { lines: [{ productId, quantity: 1 }] };
    return this.clients.of('promotion').post('/quotes', request, quoteSchema, call);
  }
}
