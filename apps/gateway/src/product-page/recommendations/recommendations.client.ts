import { Injectable } from '@nestjs/common';
import { type ProductRecommendations, productRecommendationsSchema } from '#libs/contracts';
import type { CallOptions } from '#libs/http-client';
import { ServiceClients } from '../downstream/service-clients.js';

/** The recommendation service, as the product page uses it. */
@Injectable()
export class RecommendationsClient {
  constructor(private readonly clients: ServiceClients) {}

  forProduct(productId: string, call: CallOptions): Promise<ProductRecommendations> {
    const path = `/recommendations?productId=${encodeURIComponent(productId)}`;
    return this.clients.of('recommendation').get(path, productRecommendationsSchema, call);
  }
}
