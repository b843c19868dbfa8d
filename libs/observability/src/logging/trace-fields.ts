import { context, isSpanContextValid, trace } from '@opentelemetry/api';

/** What a log line carries to be found from its trace, and its trace from it. */
export interface TraceFields {
  trace_id?: string;
  span_id?: string;
}

/**
 * The ids of the span active while a line is written: the HTTP request or Kafka message being
 * handled. Used as pino's `mixin`, so every line gets them, also without a trace exporter (the
 * tracing bootstrap keeps the context even when it records nothing). A fresh object each call:
 * pino merges the line's own fields into it.
 */
export function traceFields(): TraceFields {
  const span = trace.getSpanContext(context.active());
  return span && isSpanContextValid(span) ? { trace_id: span.traceId, span_id: span.spanId } : {};
}
