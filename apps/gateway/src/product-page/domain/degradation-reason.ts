import type { DegradationReason } from '#libs/contracts';
import { UpstreamError } from '#libs/http-client';
import { policyRefusalOf } from '#libs/resilience';

const REFUSALS = {
  short_circuited: 'circuit-open',
  bulkhead_rejected: 'overloaded',
  timeout: 'timeout',
} as const;

/** Why an optional part of a page could not be had, in the page's own words. */
export function degradationReasonOf(error: unknown): DegradationReason {
  const refusal = policyRefusalOf(error);
  if (refusal) return REFUSALS[refusal];
  if (!(error instanceof UpstreamError)) return 'error';
  if (error.status === 0) return error.timedOut ? 'timeout' : 'unavailable';
  return error.status === 404 ? 'unknown-product' : 'error';
}
