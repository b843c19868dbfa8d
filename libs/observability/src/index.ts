export { LoggingModule, type LoggingOptions } from './logging/logging.module.js';
export { REQUEST_ID_HEADER } from './logging/request-id.js';
export { HTTP_REQUEST_DURATION } from './metrics/http-metrics.js';
export { MetricsModule, type MetricsOptions } from './metrics/metrics.module.js';
export { routeTemplate, UNMATCHED_ROUTE } from './route-template.js';
export { flushTraces } from './tracing/flush-traces.js';
export type { SpanRecord } from './tracing/span-record.js';
export { isTracingVariable } from './tracing/tracing-settings.js';
export {
  contextOfTraceparent,
  currentTraceparent,
  traceparentOf,
  untraced,
} from './tracing/trace-context.js';
