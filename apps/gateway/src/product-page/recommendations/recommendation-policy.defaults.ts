import type { DependencyPolicyDefaults } from '#libs/resilience';

/**
 * How the gateway calls the recommendation service unless `RECOMMENDATION_*` says otherwise.
 * docs/resilience.md explains each value; in short: a healthy answer takes a few milliseconds, so
 * anything past 200 ms is slow and 250 ms is given up on; one retry fits twice in the page's budget.
 */
export const RECOMMENDATION_POLICY_DEFAULTS: DependencyPolicyDefaults = {
  TIMEOUT_MS: 250,
  RETRIES: 1,
  RETRY_BACKOFF_MS: 25,
  RETRY_BUDGET_RATIO: 0.1,
  BREAKER_FAILURE_RATE: 0.5,
  BREAKER_SLOW_CALL_RATE: 0.8,
  BREAKER_SLOW_CALL_MS: 200,
  BREAKER_WINDOW_MS: 10_000,
  BREAKER_MINIMUM_CALLS: 20,
  BREAKER_OPEN_MS: 5_000,
  BREAKER_HALF_OPEN_PROBES: 3,
  BULKHEAD_MAX_CONCURRENT: 16,
  BULKHEAD_QUEUE: 16,
};
