import { UpstreamError } from '#libs/http-client';

/**
 * Whether an error from a service is it failing (counts against its breaker, may be retried), as
 * opposed to an answer: a 4xx says the service works and refused this request, e.g. a 404 for a
 * product its read model has not heard of yet. 408 and 429 are the exceptions: too slow, too busy.
 */
export function isUpstreamFailure(error: unknown): boolean {
  if (!(error instanceof UpstreamError)) return true;
  const refused = error.status >= 400 && error.status < 500;
  return !refused || error.status === 408 || error.status === 429;
}
