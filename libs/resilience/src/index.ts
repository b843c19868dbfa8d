export { policyRefusalOf, type CallOutcome } from './call-outcome.js';
export { type CircuitStateName } from './circuit-state.js';
export type {
  CallerDeadline,
  CallPolicy,
  Fallback,
  FellBack,
  PolicyCallOptions,
  Served,
} from './call-policy.js';
export { DependencyPolicy } from './dependency-policy.js';
export { PassThroughPolicy } from './pass-through-policy.js';
export { type DependencyPolicyOptions } from './dependency-policy.options.js';
export {
  dependencyPolicyOptionsFrom,
  dependencyPolicyVariables,
  type DependencyPolicyDefaults,
} from './dependency-policy.variables.js';
export { IGNORING_OBSERVER, type PolicyObserver } from './policy-observer.js';
export {
  RESILIENCE_CALLS,
  RESILIENCE_CIRCUIT_STATE,
  RESILIENCE_CIRCUIT_TRANSITIONS,
  RESILIENCE_FALLBACKS,
  RESILIENCE_RETRIES,
  ResilienceMetrics,
  resilienceMetricProviders,
} from './resilience-metrics.js';
