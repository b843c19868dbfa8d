import {
  type CallHandler,
  type ExecutionContext,
  HttpStatus,
  Injectable,
  type NestInterceptor,
} from '@nestjs/common';
import { trace } from '@opentelemetry/api';
import type { Request, Response } from 'express';
import { NEVER, type Observable, switchMap, throwError, timer } from 'rxjs';
import { FaultSettings } from '#libs/fault-injection';
import { ProblemException } from '#libs/problem-details';
import type { RecommendationFaults } from './recommendation-faults.schema.js';
import { sendBodySlowly } from './slow-body.js';

/** The routes faults apply to: the service's business, never health, metrics or /admin/faults. */
const BUSINESS_ROUTES = /^\/recommendations(\/|$)/;

/**
 * Applies the recommendation faults an admin switched on (docs/resilience.md). An interceptor,
 * not a middleware, so that it runs after the service-token guard: an unsigned call is still
 * refused at once, and only calls the service would really serve are slowed or failed.
 */
@Injectable()
export class RecommendationFaultsInterceptor implements NestInterceptor {
  constructor(private readonly faults: FaultSettings<RecommendationFaults>) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = context.switchToHttp();
    const request = http.getRequest<Request>();
    if (!this.faults.enabled || !BUSINESS_ROUTES.test(request.path)) return next.handle();
    const { latencyMs, errorRate, hang, slowBodyMs } = this.faults.current();

    if (hang) {
      injected('hang');
      // Nothing is ever sent; once the caller gives up, nothing references the request any more.
      return NEVER;
    }
    if (errorRate && Math.random() < errorRate) {
      injected('error');
      return throwError(() => injectedFailure());
    }
    if (slowBodyMs) {
      injected('slow-body');
      sendBodySlowly(http.getResponse<Response>(), slowBodyMs);
    }
    if (!latencyMs) return next.handle();
    injected('latency');
    return timer(latencyMs).pipe(switchMap(() => next.handle()));
  }
}

function injected(fault: string): void {
  trace.getActiveSpan()?.addEvent('fault_injected', { 'fault.name': fault });
}

function injectedFailure(): ProblemException {
  return new ProblemException({
    status: HttpStatus.SERVICE_UNAVAILABLE,
    title: 'Service Unavailable',
    detail: 'A fault injected by an admin (FAULT_INJECTION=on).',
    code: 'RECOMMENDATION.INJECTED_FAULT',
  });
}
