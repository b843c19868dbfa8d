import { BrokenCircuitError, BulkheadRejectedError, TaskCancelledError } from 'cockatiel';

/** How one attempt ended, as `resilience_calls_total{outcome}` counts it. */
export type CallOutcome =
  'success' | 'failure' | 'timeout' | 'short_circuited' | 'bulkhead_rejected';

/**
 * What a failed call's error says about the dependency. Errors the dependency's caller does not
 * count as failures (a 404 is an answer) are `success`: the dependency did its job.
 */
export function outcomeOfError(
  error: unknown,
  isFailure: (error: unknown) => boolean,
): CallOutcome {
  return policyRefusalOf(error) ?? (isFailure(error) ? 'failure' : 'success');
}

/**
 * Whether the policy itself ended the call, and how: the circuit was open, the bulkhead was full,
 * or the attempt ran out of time. Undefined for the dependency's own errors.
 */
export function policyRefusalOf(
  error: unknown,
): 'short_circuited' | 'bulkhead_rejected' | 'timeout' | undefined {
  if (error instanceof BrokenCircuitError) return 'short_circuited';
  if (error instanceof BulkheadRejectedError) return 'bulkhead_rejected';
  if (error instanceof TaskCancelledError) return 'timeout';
  return undefined;
}
