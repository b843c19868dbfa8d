import { z } from 'zod';
import {
  type DependencyPolicyDefaults,
  dependencyPolicyOptionsFrom,
  dependencyPolicyVariables,
} from './dependency-policy.variables.js';

const defaults: DependencyPolicyDefaults = {
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

const schema = z.object(dependencyPolicyVariables('RECOMMENDATION', defaults));

describe('the environment variables of a dependency policy', () => {
  it('give the defaults when unset, as policy options', () => {
    const options = dependencyPolicyOptionsFrom(
      'recommendation',
      'RECOMMENDATION',
      schema.parse({}),
    );

    expect(options).toEqual({
      dependency: 'recommendation',
      timeoutMs: 250,
      retry: { maxRetries: 1, backoffMs: 25, budgetRatio: 0.1 },
      breaker: {
        failureRate: 0.5,
        slowCallRate: 0.8,
        slowCallMs: 200,
        windowMs: 10_000,
        minimumCalls: 20,
        openMs: 5_000,
        halfOpenProbes: 3,
      },
      bulkhead: { maxConcurrent: 16, queue: 16 },
    });
  });

  it('read each variable under the prefix', () => {
    const config = schema.parse({
      RECOMMENDATION_TIMEOUT_MS: '100',
      RECOMMENDATION_BULKHEAD_QUEUE: '0',
    });

    const options = dependencyPolicyOptionsFrom('recommendation', 'RECOMMENDATION', config);

    expect(options.timeoutMs).toBe(100);
    expect(options.bulkhead.queue).toBe(0);
  });

  it('refuse a bad value, naming the variable', () => {
    const parsed = schema.safeParse({
      RECOMMENDATION_BREAKER_FAILURE_RATE: '1.5',
      RECOMMENDATION_RETRIES: 'two',
    });

    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((issue) => issue.path[0]).sort()).toEqual([
      'RECOMMENDATION_BREAKER_FAILURE_RATE',
      'RECOMMENDATION_RETRIES',
    ]);
  });
});
