import { Inject, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import type { ProductDetailPage } from '#libs/contracts';
import type { CallOptions } from '#libs/http-client';
import { SERVICE_CONFIG } from '#libs/service-defaults';
import { CallDeadline } from '../downstream/call-deadline.js';
import { problemFor } from '../downstream/downstream-failure.js';
import { DownstreamHeaders } from '../downstream/downstream-headers.js';
import type { DownstreamService } from '../downstream/downstream-service.js';
import type { GatewayConfig } from '../gateway.config.js';
import { composeProductPage } from './domain/compose-product-page.js';
import { PricingClient } from './pricing.client.js';
import { ProductCatalogClient } from './product-catalog.client.js';
import { RecommendationsClient } from './recommendations.client.js';

/** `GET /api/products/:id/page`: three services asked in parallel within one time budget. */
@Injectable()
export class ProductPageHandler {
  constructor(
    private readonly catalog: ProductCatalogClient,
    private readonly pricing: PricingClient,
    private readonly recommendations: RecommendationsClient,
    private readonly headers: DownstreamHeaders,
    @Inject(SERVICE_CONFIG) private readonly config: GatewayConfig,
  ) {}

  async execute(productId: string, request: Request): Promise<ProductDetailPage> {
    const deadline = CallDeadline.startingNow(this.config.DOWNSTREAM_TIMEOUT_MS);
    const call = async (service: DownstreamService): Promise<CallOptions> => ({
      signal: deadline.signal,
      headers: await this.headers.forCall(request, service, deadline),
    });
    return composeProductPage({
      product: async () => this.catalog.product(productId, await call('product')),
      quote: async () => this.pricing.quoteOneUnit(productId, await call('promotion')),
      recommendations: async () =>
        this.recommendations.forProduct(productId, await call('recommendation')),
    }).catch((error: unknown) => {
      // Only the product's failure reaches here: a 404 stays a 404, the rest becomes 502 or 504.
      throw problemFor(error, deadline.budgetMs);
    });
  }
}
