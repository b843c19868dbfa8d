import type { DynamicModule } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { Level } from 'pino';
import { routeTemplate } from '../route-template.js';
import { assignRequestId } from './request-id.js';
import { requestLogLevel as levelFor } from './request-log-level.js';
import { traceFields } from './trace-fields.js';

export interface LoggingOptions {
  /** Written on every line as `service`, so a log store can tell the apps apart. */
  service: string;
  level: Level | 'silent';
}

/**
 * JSON logs on stdout with one line per request (method, route template, status, duration,
 * request id), every line tagged with the service name and, while a request or a Kafka message is
 * handled, with its `trace_id` and `span_id`.
 */
export class LoggingModule {
  static forRoot({ service, level }: LoggingOptions): DynamicModule {
    return {
      module: LoggingModule,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: {
            level,
            base: { service },
            messageKey: 'message',
            timestamp: () => `,"time":"${new Date().toISOString()}"`,
            formatters: { level: (label) => ({ level: label }) },
            mixin: traceFields,
            genReqId: assignRequestId,
            customLogLevel: levelFor,
            customSuccessMessage: (request, response) =>
              `${request.method} ${routeTemplate(request)} ${response.statusCode}`,
            customErrorMessage: (request, response) =>
              `${request.method} ${routeTemplate(request)} ${response.statusCode}`,
            customAttributeKeys: { responseTime: 'durationMs' },
            // Added to the request's final line only (customProps would repeat it on every line).
            customSuccessObject: (request, _response, line) => ({
              ...line,
              requestId: request.id,
              route: routeTemplate(request),
            }),
            customErrorObject: (request, _response, _error, line) => ({
              ...line,
              requestId: request.id,
              route: routeTemplate(request),
            }),
            serializers: {
              req: (request: { method: string; url: string }) => ({
                method: request.method,
                url: request.url,
              }),
              res: (response: { statusCode: number }) => ({ statusCode: response.statusCode }),
            },
          },
        }),
      ],
      exports: [LoggerModule],
    };
  }
}
