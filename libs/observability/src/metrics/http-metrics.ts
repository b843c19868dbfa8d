import { makeHistogramProvider } from '@willsoto/nestjs-prometheus';

export const HTTP_REQUEST_DURATION = 'http_server_request_duration_seconds';

/** Buckets from 5 ms to 10 s: local handlers sit at the low end, degraded calls at the high end. */
export const httpRequestDurationProvider = makeHistogramProvider({
  name: HTTP_REQUEST_DURATION,
  help: 'Duration of HTTP requests served, by method, route template and status code.',
  labelNames: ['method', 'route', 'status_code'],
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
});
