import { Injectable } from '@nestjs/common';
import { InjectMetric, makeCounterProvider, makeGaugeProvider } from '@willsoto/nestjs-prometheus';
import type { Counter, Gauge } from 'prom-client';
import type { RateLimitDecision } from './rate-limit-decision.js';
import type { RateLimitMeter } from './rate-limit-meter.js';

/** Decisions by calling service, route class and outcome (allowed, rejected, shadow_rejected). */
export const RATE_LIMIT_DECISIONS = 'rate_limit_decisions_total';
/** Requests counted in the current one-second window over the quota, per partition and class. */
export const RATE_LIMIT_QUOTA_USAGE = 'rate_limit_quota_usage_ratio';
/** Decisions taken by the per-replica insurance limiter because the shared store failed. */
export const RATE_LIMIT_INSURANCE_ACTIVATIONS = 'rate_limit_insurance_activations_total';
/** Store calls that failed or found the store unreachable. */
export const RATE_LIMIT_STORE_ERRORS = 'rate_limit_store_errors_total';

type DecisionLabel = 'partition' | 'route_class' | 'decision';
type UsageLabel = 'partition' | 'route_class';

// Partitions are verified service names and route classes a fixed list, so labels stay bounded.
export const rateLimitMetricProviders = [
  makeCounterProvider({
    name: RATE_LIMIT_DECISIONS,
    help: 'Rate-limit decisions by calling service, route class and decision.',
    labelNames: ['partition', 'route_class', 'decision'] satisfies DecisionLabel[],
  }),
  makeGaugeProvider({
    name: RATE_LIMIT_QUOTA_USAGE,
    help: 'Requests counted in the current second over the per-second quota (above 1: in the burst).',
    labelNames: ['partition', 'route_class'] satisfies UsageLabel[],
  }),
  makeCounterProvider({
    name: RATE_LIMIT_INSURANCE_ACTIVATIONS,
    help: 'Decisions taken by the per-replica insurance limiter while the shared store failed.',
  }),
  makeCounterProvider({
    name: RATE_LIMIT_STORE_ERRORS,
    help: 'Rate-limit store calls that failed or found the store unreachable.',
  }),
];

/** The limiter's reports as Prometheus series. */
@Injectable()
export class PrometheusRateLimitMeter implements RateLimitMeter {
  constructor(
    @InjectMetric(RATE_LIMIT_DECISIONS) private readonly decisions: Counter<DecisionLabel>,
    @InjectMetric(RATE_LIMIT_QUOTA_USAGE) private readonly usage: Gauge<UsageLabel>,
    @InjectMetric(RATE_LIMIT_INSURANCE_ACTIVATIONS) private readonly insurance: Counter,
    @InjectMetric(RATE_LIMIT_STORE_ERRORS) private readonly storeErrors: Counter,
  ) {}

  decided({ partition, routeClass, outcome, usageRatio, source }: RateLimitDecision): void {
    this.decisions.inc({ partition, route_class: routeClass, decision: outcome });
    if (source !== 'exempt') this.usage.set({ partition, route_class: routeClass }, usageRatio);
  }

  storeFailed(): void {
    this.storeErrors.inc();
  }

  insuranceUsed(): void {
    this.insurance.inc();
  }
}
