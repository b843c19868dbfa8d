import { Injectable } from '@nestjs/common';
import { type ProductRecommendations, productRecommendationsSchema } from '#libs/contracts';
import type { CallOptions } from '#libs/http-client';
import { ServiceClients } from '../../downstream/service-clients.js';

/** The recommendation service, as the gateway uses it: one bare call, policies applied around it. */
@Injectable()
export class RecommendationsClient {
  constructor(private readonly clients: ServiceClients) {}

  forProduct(
    productId: string,
    limit: number | undefined,
    call: CallOptions,
  ): Promise<ProductRecommendations> {
    const query = new URLSearchParams({ productId });
    if (limit !== undefined) query.set('limit', String(limit));
    return this.clients
      .of('recommendation')
      .get(`/recommendations?${query.toString()}`, productRecommendationsSchema, call);
  }
}
