import { Inject, Injectable } from '@nestjs/common';
import { trace } from '@opentelemetry/api';
import { InjectMetric } from '@willsoto/nestjs-prometheus';
import type { Counter } from 'prom-client';
import {
  type DegradationReason,
  type ProductDetail,
  type ProductRecommendations,
  RECOMMENDATION_LIMIT,
  type RecommendationFallback,
} from '#libs/contracts';
import type { CallPolicy } from '#libs/resilience';
import { FeatureSwitches } from '../../admin/features/feature-switches.js';
import type { CallDeadline } from '../../downstream/call-deadline.js';
import { degradationReasonOf } from '../domain/degradation-reason.js';
import { type ChosenFallback, chooseFallback } from '../domain/recommendation-fallback.js';
import { CategoryPopularity } from './category-popularity.js';
import { LastGoodRecommendations } from './last-good-recommendations.js';
import { RECOMMENDATION_POLICY } from './recommendation-policy.provider.js';
import { RECOMMENDATIONS_DEGRADED } from './recommendations-degraded.metric.js';
import { RecommendationsClient } from './recommendations.client.js';

/** The service's answer, or what stood in for it and why. */
export type RecommendationsOutcome =
  | { status: 'ok'; recommendations: ProductRecommendations }
  | {
      status: 'degraded';
      reason: DegradationReason;
      fallback: RecommendationFallback;
      recommendations: ProductRecommendations;
    };

export interface RecommendationsRequest {
  productId: string;
  /** As the caller asked; the service's default when absent. */
  limit?: number;
  /** The product's category when the caller will know it (the page fetches the product). */
  categoryId?: Promise<string | undefined>;
  deadline: CallDeadline;
  /** The headers of one attempt, built as it starts: the time left changes between attempts. */
  headers: () => Promise<Record<string, string>>;
  /** When true, a 404 (a product the service has not heard of) is thrown, not fallen back from. */
  unknownProductIsAnswer?: boolean;
}

/** The fallback names of the public payload and the `source` labels of the metrics. */
const SOURCE_OF: Record<RecommendationFallback, string> = {
  'last-good': 'last_good',
  'category-popular': 'category_popular',
  none: 'empty',
};

/**
 * Recommendations that never take the page down: the kill switch first, then the call through
 * the recommendation policy (timeout, retry, breaker, bulkhead), then the fallbacks. Every good
 * answer feeds the fallbacks. Used by the product page and by `GET /api/recommendations`.
 */
@Injectable()
export class ResilientRecommendations {
  constructor(
    private readonly client: RecommendationsClient,
    @Inject(RECOMMENDATION_POLICY) private readonly policy: CallPolicy,
    private readonly lastGood: LastGoodRecommendations,
    private readonly popularity: CategoryPopularity,
    private readonly switches: FeatureSwitches,
    @InjectMetric(RECOMMENDATIONS_DEGRADED) private readonly degraded: Counter,
  ) {}

  /** A product the gateway served: its category is known from now on. */
  sawProduct(product: ProductDetail): void {
    this.popularity.rememberProduct(product);
  }

  async forProduct(request: RecommendationsRequest): Promise<RecommendationsOutcome> {
    const { productId, limit, deadline } = request;
    if (!this.switches.isEnabled('recommendations')) {
      // Off means off: no call, and no old answers either (the reason to switch off may be them).
      return this.degrade('disabled', chooseFallback(productId, 0, undefined, []));
    }
    let chosen: ChosenFallback | undefined;
    const served = await this.policy.executeOrFallBack(
      async (signal) =>
        this.client.forProduct(productId, limit, { signal, headers: await request.headers() }),
      { idempotent: true, deadline },
      async (error) => {
        if (request.unknownProductIsAnswer && degradationReasonOf(error) === 'unknown-product') {
          throw error;
        }
        chosen = await this.fallbackFor(request);
        return { source: SOURCE_OF[chosen.fallback], value: chosen.recommendations };
      },
    );
    if (!served.fellBack) {
      this.lastGood.remember(served.value);
      this.popularity.rememberRecommended(served.value.items);
      return { status: 'ok', recommendations: served.value };
    }
    return this.degrade(degradationReasonOf(served.fellBack.error), chosen!);
  }

  private async fallbackFor(request: RecommendationsRequest): Promise<ChosenFallback> {
    const { productId } = request;
    const limit = request.limit ?? RECOMMENDATION_LIMIT.default;
    const categoryId = (await request.categoryId) ?? this.popularity.categoryOf(productId);
    const popular = categoryId ? this.popularity.popularIn(categoryId, productId, limit) : [];
    return chooseFallback(productId, limit, this.lastGood.of(productId), popular);
  }

  private degrade(reason: DegradationReason, chosen: ChosenFallback): RecommendationsOutcome {
    this.degraded.inc({ reason });
    trace.getActiveSpan()?.addEvent('recommendations.degraded', {
      reason,
      fallback: chosen.fallback,
    });
    return { status: 'degraded', reason, ...chosen };
  }
}
