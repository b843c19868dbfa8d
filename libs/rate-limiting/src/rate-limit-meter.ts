import type { RateLimitDecision } from './rate-limit-decision.js';

/**
 * What the limiter reports, kept apart from Prometheus so the limiter stays a plain class (see
 * rate-limit-metrics.ts for the Prometheus one, {@link silentMeter} for tests and benchmarks).
 */
export interface RateLimitMeter {
  decided(decision: RateLimitDecision): void;
  /** The shared store failed or was unreachable for one decision. */
  storeFailed(): void;
  /** One decision was taken by the per-replica insurance limiter instead of the store. */
  insuranceUsed(): void;
}

export const silentMeter: RateLimitMeter = {
  decided: () => undefined,
  storeFailed: () => undefined,
  insuranceUsed: () => undefined,
};
