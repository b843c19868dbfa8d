import { Inject, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import type { ProductDetailPage, ProductPageRecommendations } from '#libs/contracts';
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
import {
  type RecommendationsOutcome,
  ResilientRecommendations,
} from './recommendations/resilient-recommendations.js';

/** `GET /api/products/:id/page`: three services asked in parallel within one time budget. */
@Injectable()
export class ProductPageHandler {
  constructor(
    private readonly catalog: ProductCatalogClient,
    private readonly pricing: PricingClient,
    private readonly recommendations: ResilientRecommendations,
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
      product: async () => {
        const product = await this.catalog.product(productId, await call('product'));
        this.recommendations.sawProduct(product);
        return product;
      },
      quote: async () => this.pricing.quoteOneUnit(productId, await call('promotion')),
      recommendations: async (product) =>
        pagePartOf(
          await this.recommendations.forProduct({
            productId,
            categoryId: product.then(
              (found) => found.categoryId,
              () => undefined,
            ),
            deadline,
            headers: () => this.headers.forCall(request, 'recommendation', deadline),
          }),
        ),
    })
      .catch((error: unknown) => {
        // Only the product's failure reaches here: a 404 stays a 404, the rest becomes 502 or 504.
        throw problemFor(error, deadline.budgetMs);
      })
      .finally(() => deadline.release());
  }
}

function pagePartOf(outcome: RecommendationsOutcome): ProductPageRecommendations {
  const { items } = outcome.recommendations;
  if (outcome.status === 'ok') return { status: 'ok', items };
  return { status: 'degraded', reason: outcome.reason, fallback: outcome.fallback, items };
}
