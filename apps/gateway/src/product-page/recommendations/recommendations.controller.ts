import { Controller, Get, Inject, Query, Req } from '@nestjs/common';
import type { Request } from 'express';
import {
  type ProductRecommendationsQuery,
  productRecommendationsQuerySchema,
  type PublicProductRecommendations,
} from '#libs/contracts';
import { SERVICE_CONFIG } from '#libs/service-defaults';
import { ZodValidationPipe } from '#libs/validation';
import { CallDeadline } from '../../downstream/call-deadline.js';
import { problemFor } from '../../downstream/downstream-failure.js';
import { DownstreamHeaders } from '../../downstream/downstream-headers.js';
import type { GatewayConfig } from '../../gateway.config.js';
import { ResilientRecommendations } from './resilient-recommendations.js';

/**
 * `GET /api/recommendations?productId=&limit=`: the recommendation service's answer, through the
 * same policy and fallbacks as the product page, so one breaker guards every call to it. When no
 * answer can be had the client still gets a 200 in the same shape, marked `degraded`, with the
 * fallback's items; a 404 for a product the service has not heard of stays a 404.
 */
@Controller('api/recommendations')
export class RecommendationsController {
  constructor(
    private readonly recommendations: ResilientRecommendations,
    private readonly headers: DownstreamHeaders,
    @Inject(SERVICE_CONFIG) private readonly config: GatewayConfig,
  ) {}

  @Get()
  async show(
    @Query(new ZodValidationPipe(productRecommendationsQuerySchema))
    query: ProductRecommendationsQuery,
    @Req() request: Request,
  ): Promise<PublicProductRecommendations> {
    const deadline = CallDeadline.startingNow(this.config.DOWNSTREAM_TIMEOUT_MS);
    const outcome = await this.recommendations
      .forProduct({
        productId: query.productId,
        limit: query.limit,
        deadline,
        headers: () => this.headers.forCall(request, 'recommendation', deadline),
        unknownProductIsAnswer: true,
      })
      .catch((error: unknown) => {
        throw problemFor(error, deadline.budgetMs);
      })
      .finally(() => deadline.release());
    if (outcome.status === 'ok') return outcome.recommendations;
    const { reason, fallback, recommendations } = outcome;
    return { ...recommendations, status: 'degraded', reason, fallback };
  }
}
