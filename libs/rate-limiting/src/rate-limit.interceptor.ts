import {
  type CallHandler,
  type ExecutionContext,
  HttpStatus,
  Inject,
  Injectable,
  type NestInterceptor,
} from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { from, mergeMap, type Observable } from 'rxjs';
import { routeTemplate } from '#libs/observability';
import { ProblemException } from '#libs/problem-details';
import { verifiedCallerOf } from '#libs/service-identity';
import type { RateLimitDecision } from './rate-limit-decision.js';
import { writeRateLimitHeaders } from './rate-limit-headers.js';
import { RATE_LIMITING_OPTIONS, type RateLimitingOptions } from './rate-limiting.options.js';
import { RateLimits } from './rate-limits.js';

/**
 * Counts every request against its caller's quota for its route class. It runs after the
 * service-identity guard (interceptors always do), so the partition is the caller the signed
 * token proved, never something a header claims; requests the guard does not check (health,
 * metrics) carry no caller and are not limited. A refusal is a 429 problem naming the caller,
 * decided before the body is validated or any handler runs.
 */
@Injectable()
export class RateLimitInterceptor implements NestInterceptor {
  constructor(
    @Inject(RATE_LIMITING_OPTIONS) private readonly options: RateLimitingOptions,
    @Inject(RateLimits) private readonly rateLimits: RateLimits,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = context.switchToHttp();
    const request = http.getRequest<IncomingMessage>();
    const caller = verifiedCallerOf(request)?.service;
    if (!caller || this.options.mode === 'off') return next.handle();
    const { routeClass, exempt } = this.options.classify(
      request.method ?? 'GET',
      routeTemplate(request),
    );
    const decided = this.rateLimits.limiter.decide({ partition: caller, routeClass, exempt });
    return from(decided).pipe(
      mergeMap((decision) => {
        if (decision.source !== 'exempt') {
          writeRateLimitHeaders(http.getResponse<ServerResponse>(), decision);
        }
        if (decision.outcome === 'rejected') throw this.refusal(decision);
        return next.handle();
      }),
    );
  }

  private refusal({ partition, routeClass, limit, resetSeconds }: RateLimitDecision) {
    return new ProblemException({
      status: HttpStatus.TOO_MANY_REQUESTS,
      title: 'Too Many Requests',
      detail:
        `Caller "${partition}" is over its ${routeClass} quota (${limit} requests a second ` +
        `plus its burst): retry in ${resetSeconds} s. Other callers are not affected.`,
      code: `${this.options.service.toUpperCase()}.RATE_LIMITED`,
    });
  }
}
