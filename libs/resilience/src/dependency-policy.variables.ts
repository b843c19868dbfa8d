import { z } from 'zod';
import type { DependencyPolicyOptions } from './dependency-policy.options.js';

type Bounds = { min: number; max: number; int: boolean };

const whole = (min: number, max = Number.MAX_SAFE_INTEGER): Bounds => ({ min, max, int: true });
const fraction: Bounds = { min: 0, max: 1, int: false };

/** Each setting's variable suffix, its bounds, and where it goes in the options. */
const SETTINGS = {
  TIMEOUT_MS: whole(1),
  RETRIES: whole(0, 5),
  RETRY_BACKOFF_MS: whole(1),
  RETRY_BUDGET_RATIO: fraction,
  BREAKER_FAILURE_RATE: { ...fraction, min: 0.01 },
  BREAKER_SLOW_CALL_RATE: { ...fraction, min: 0.01 },
  BREAKER_SLOW_CALL_MS: whole(1),
  BREAKER_WINDOW_MS: whole(100),
  BREAKER_MINIMUM_CALLS: whole(1),
  BREAKER_OPEN_MS: whole(1),
  BREAKER_HALF_OPEN_PROBES: whole(1, 100),
  BULKHEAD_MAX_CONCURRENT: whole(1),
  BULKHEAD_QUEUE: whole(0),
} as const;

type SettingName = keyof typeof SETTINGS;
export type DependencyPolicyDefaults = Record<SettingName, number>;

function numberVariable({ min, max, int }: Bounds, defaultValue: number) {
  const kind = int ? 'a whole number' : 'a number';
  let schema = z.coerce.number({ message: `must be ${kind}` });
  if (int) schema = schema.int({ message: `must be ${kind}` });
  return schema
    .min(min, { message: `must be ${min} or more` })
    .max(max, { message: `must be ${max} or less` })
    .default(defaultValue);
}

type PolicyVariables<Prefix extends string> = {
  [Name in SettingName as `${Prefix}_${Name}`]: ReturnType<typeof numberVariable>;
};

/**
 * The environment variables of one dependency's policy, to spread into an app's config schema:
 * `dependencyPolicyVariables('RECOMMENDATION', defaults)` gives `RECOMMENDATION_TIMEOUT_MS`,
 * `RECOMMENDATION_BREAKER_OPEN_MS`, `RECOMMENDATION_BULKHEAD_QUEUE`... each validated, so a bad
 * value stops the boot with one line naming the variable.
 */
export function dependencyPolicyVariables<Prefix extends string>(
  prefix: Prefix,
  defaults: DependencyPolicyDefaults,
): PolicyVariables<Prefix> {
  const entries = (Object.keys(SETTINGS) as SettingName[]).map((name) => [
    `${prefix}_${name}`,
    numberVariable(SETTINGS[name], defaults[name]),
  ]);
  return Object.fromEntries(entries) as PolicyVariables<Prefix>;
}

/** The options of a dependency's policy from the app's parsed config. */
export function dependencyPolicyOptionsFrom<Prefix extends string>(
  dependency: string,
  prefix: Prefix,
  config: { [Name in SettingName as `${Prefix}_${Name}`]: number },
): DependencyPolicyOptions {
  const setting = (name: SettingName): number =>
    (config as Record<string, number>)[`${prefix}_${name}`]!;
  return {
    dependency,
    timeoutMs: setting('TIMEOUT_MS'),
    retry: {
      maxRetries: setting('RETRIES'),
      backoffMs: setting('RETRY_BACKOFF_MS'),
      budgetRatio: setting('RETRY_BUDGET_RATIO'),
    },
    breaker: {
      failureRate: setting('BREAKER_FAILURE_RATE'),
      slowCallRate: setting('BREAKER_SLOW_CALL_RATE'),
      slowCallMs: setting('BREAKER_SLOW_CALL_MS'),
      windowMs: setting('BREAKER_WINDOW_MS'),
      minimumCalls: setting('BREAKER_MINIMUM_CALLS'),
      openMs: setting('BREAKER_OPEN_MS'),
      halfOpenProbes: setting('BREAKER_HALF_OPEN_PROBES'),
    },
    bulkhead: {
      maxConcurrent: setting('BULKHEAD_MAX_CONCURRENT'),
      queue: setting('BULKHEAD_QUEUE'),
    },
  };
}
