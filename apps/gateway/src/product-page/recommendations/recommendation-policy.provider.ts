import type { Provider } from '@nestjs/common';
import {
  type CallPolicy,
  DependencyPolicy,
  dependencyPolicyOptionsFrom,
  PassThroughPolicy,
  ResilienceMetrics,
} from '#libs/resilience';
import { SERVICE_CONFIG } from '#libs/service-defaults';
import type { GatewayConfig } from '../../gateway.config.js';
import { isUpstreamFailure } from './upstream-failure.js';

/** The one policy of the gateway's calls to recommendation, shared by every place that calls it. */
export const RECOMMENDATION_POLICY = Symbol('RecommendationPolicy');

export const recommendationPolicyProvider: Provider = {
  provide: RECOMMENDATION_POLICY,
  inject: [SERVICE_CONFIG, ResilienceMetrics],
  useFactory: (config: GatewayConfig, metrics: ResilienceMetrics): CallPolicy => {
    const observer = metrics.observerFor('recommendation');
    if (config.RECOMMENDATION_RESILIENCE === 'off') {
      return new PassThroughPolicy('recommendation', observer);
    }
    const options = dependencyPolicyOptionsFrom('recommendation', 'RECOMMENDATION', config);
    return new DependencyPolicy({ ...options, isFailure: isUpstreamFailure }, observer);
  },
};
