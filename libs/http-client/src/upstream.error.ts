import type { ProblemDetails } from '#libs/problem-details';

/**
 * A call to another service that did not succeed: it answered with an error status, timed out, or
 * could not be reached. `status` is 0 when there was no answer. `problem` is the callee's problem
 * document when it sent one, so a business error code (`PROMOTION.COUPON_EXHAUSTED`) survives the hop.
 */
export class UpstreamError extends Error {
  override name = 'UpstreamError';

  constructor(
    readonly service: string,
    readonly status: number,
    message: string,
    readonly problem?: ProblemDetails,
    /** The wait the callee asked for with `Retry-After` (429, 503), in milliseconds. */
    readonly retryAfterMs?: number,
  ) {
    super(`${service}: ${message}`);
  }

  /** `retryAfterMs` in whole seconds, rounded up, as the header would say it. */
  get retryAfterSeconds(): number | undefined {
    return this.retryAfterMs === undefined ? undefined : Math.ceil(this.retryAfterMs / 1000);
  }

  get timedOut(): boolean {
    return this.status === 0 && /timed? ?out|aborted/i.test(this.message);
  }
}
