import type { ServerResponse } from 'node:http';
import type { RateLimitDecision } from './rate-limit-decision.js';

/**
 * The `RateLimit-Limit`, `-Remaining` and `-Reset` headers (the IETF draft's names, as the
 * gateway's edge limiter sends them), and `Retry-After` on a refusal.
 */
export function writeRateLimitHeaders(response: ServerResponse, decision: RateLimitDecision): void {
  response.setHeader('ratelimit-limit', String(decision.limit));
  response.setHeader('ratelimit-remaining', String(decision.remaining));
  response.setHeader('ratelimit-reset', String(decision.resetSeconds));
  if (decision.outcome === 'rejected') {
    response.setHeader('retry-after', String(decision.resetSeconds));
  }
}
