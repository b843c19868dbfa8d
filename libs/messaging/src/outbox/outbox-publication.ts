import { type Span, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type { IHeaders, Message, TopicMessages } from 'kafkajs';
import type { EventEnvelope } from '#libs/contracts';
import { contextOfTraceparent, traceparentOf } from '#libs/observability';
import type { OutboxRow } from './outbox-row.js';

const tracer = trace.getTracer('microshop.outbox');

/** An outbox row on its way to Kafka: the message to send and the span that traces the send. */
export interface OutboxPublication {
  topic: string;
  message: Message;
  span: Span;
}

/**
 * Prepares one row for sending. Its producer span is a child of the work that wrote the row (the
 * `traceparent` stored in the envelope), not of the relay, and the span's own context travels as
 * the message's `traceparent` header, so the consumer's span joins the trace of the request that
 * caused the event. Without a tracing SDK the span is a no-op holding the stored context, and the
 * header is the stored value.
 */
export function publicationOf(row: OutboxRow, batchSize: number): OutboxPublication {
  const { envelope } = row;
  const parent = contextOfTraceparent(envelope.traceparent);
  const span = tracer.startSpan(
    `send ${row.topic}`,
    {
      kind: SpanKind.PRODUCER,
      attributes: {
        'messaging.system': 'kafka',
        'messaging.operation.type': 'send',
        'messaging.destination.name': row.topic,
        'messaging.kafka.message.key': row.message_key,
        'messaging.message.id': envelope.id,
        'messaging.batch.message_count': batchSize,
        'microshop.event.type': envelope.type,
        // How long the event waited in the outbox: the relay's share of the end-to-end delay.
        'microshop.outbox.wait_ms': Date.now() - Date.parse(envelope.occurredAt),
      },
    },
    parent,
  );
  const traceparent = traceparentOf(trace.setSpan(parent, span));
  return {
    topic: row.topic,
    span,
    message: {
      key: row.message_key,
      value: JSON.stringify(envelope),
      headers: headersOf(envelope, traceparent),
    },
  };
}

/** Groups the messages for one `sendBatch`, keeping their order within each topic. */
export function byTopic(publications: OutboxPublication[]): TopicMessages[] {
  const topics = new Map<string, Message[]>();
  for (const { topic, message } of publications) {
    const messages = topics.get(topic) ?? [];
    messages.push(message);
    topics.set(topic, messages);
  }
  return [...topics].map(([topic, messages]) => ({ topic, messages }));
}

/** Ends the spans of a batch, marking them failed when the send failed. */
export function endPublicationSpans(publications: OutboxPublication[], error?: unknown): void {
  for (const { span } of publications) {
    if (error !== undefined) {
      span.recordException(error as Error);
      span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error).message });
    }
    span.end();
  }
}

/** Routing facts travel as headers too, so tools can filter without parsing the body. */
function headersOf(envelope: EventEnvelope, traceparent: string | undefined): IHeaders {
  const headers: IHeaders = {
    'event-id': envelope.id,
    'event-type': envelope.type,
    'event-version': String(envelope.version),
    source: envelope.source,
  };
  if (traceparent) headers.traceparent = traceparent;
  return headers;
}
