import { type Attributes, SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { hrTimeToMilliseconds } from '@opentelemetry/core';
import type { ReadableSpan } from '@opentelemetry/sdk-trace';

/** One finished span as a flat JSON object: what the spans file holds, one per line. */
export interface SpanRecord {
  traceId: string;
  spanId: string;
  /** Absent on the root span of a trace. */
  parentSpanId?: string;
  name: string;
  kind: keyof typeof SpanKind;
  /** `service.name` of the process that recorded the span. */
  service: string;
  /** The instrumentation that made it (`@opentelemetry/instrumentation-pg`, ...). */
  scope: string;
  startTime: string;
  durationMs: number;
  status: keyof typeof SpanStatusCode;
  statusMessage?: string;
  attributes: Attributes;
  events: { name: string; attributes?: Attributes }[];
}

/** Flattens an SDK span into a {@link SpanRecord}. */
export function spanRecordOf(span: ReadableSpan): SpanRecord {
  const { traceId, spanId } = span.spanContext();
  const record: SpanRecord = {
    traceId,
    spanId,
    name: span.name,
    kind: SpanKind[span.kind] as keyof typeof SpanKind,
    service: String(span.resource.attributes['service.name']),
    scope: span.instrumentationScope.name,
    startTime: new Date(hrTimeToMilliseconds(span.startTime)).toISOString(),
    durationMs: hrTimeToMilliseconds(span.duration),
    status: SpanStatusCode[span.status.code] as keyof typeof SpanStatusCode,
    attributes: span.attributes,
    events: span.events.map(({ name, attributes }) => ({ name, attributes })),
  };
  if (span.parentSpanContext) record.parentSpanId = span.parentSpanContext.spanId;
  if (span.status.message) record.statusMessage = span.status.message;
  return record;
}
