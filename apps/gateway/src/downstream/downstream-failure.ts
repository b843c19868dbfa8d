import { HttpStatus } from '@nestjs/common';
import { STATUS_CODES } from 'node:http';
import { UpstreamError } from '#libs/http-client';
import { ProblemException } from '#libs/problem-details';

/** A call that got no answer in time: 504, within the caller's budget. */
export function downstreamTimeout(service: string, budgetMs: number): ProblemException {
  return new ProblemException({
    status: HttpStatus.GATEWAY_TIMEOUT,
    title: 'Gateway Timeout',
    detail: `The ${service} service did not answer within ${budgetMs} ms.`,
    code: 'GATEWAY.DOWNSTREAM_TIMEOUT',
  });
}

/** A call that failed without an answer we can pass on: 502. */
export function downstreamUnavailable(service: string): ProblemException {
  return new ProblemException({
    status: HttpStatus.BAD_GATEWAY,
    title: 'Bad Gateway',
    detail: `The ${service} service could not answer this request.`,
    code: 'GATEWAY.DOWNSTREAM_UNAVAILABLE',
  });
}

/**
 * What the client sees when a call the gateway made itself failed: a service's own 4xx problem
 * passes through unchanged (its `code` and field errors mean something to the client); a timeout
 * is a 504; anything else, a 5xx or a broken contract, is a 502 that hides the internals.
 */
export function problemFor(error: unknown, budgetMs: number): unknown {
  if (!(error instanceof UpstreamError)) return error;
  if (error.status === 0 && error.timedOut) return downstreamTimeout(error.service, budgetMs);
  if (error.status >= 400 && error.status < 500) {
    if (!error.problem) {
      const title = STATUS_CODES[error.status] ?? 'Error';
      return new ProblemException({ status: error.status, title, detail: error.message });
    }
    const { status, title, detail, code, errors } = error.problem;
    return new ProblemException({ status, title, detail, code, errors });
  }
  return downstreamUnavailable(error.service);
}
