import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { InjectMetric } from '@willsoto/nestjs-prometheus';
import type { Histogram } from 'prom-client';
import { routeTemplate } from '../route-template.js';
import { HTTP_REQUEST_DURATION } from './http-metrics.js';

/**
 * Times every request, matched or not, and records it by route template once the response is
 * finished (a middleware, not an interceptor, so 404s and 413s are counted too).
 */
@Injectable()
export class HttpMetricsMiddleware implements NestMiddleware {
  constructor(@InjectMetric(HTTP_REQUEST_DURATION) private readonly duration: Histogram) {}

  use(request: IncomingMessage, response: ServerResponse, next: () => void): void {
    const stopTimer = this.duration.startTimer();
    response.once('finish', () => {
      stopTimer({
        method: request.method ?? 'UNKNOWN',
        route: routeTemplate(request),
        status_code: String(response.statusCode),
      });
    });
    next();
  }
}
