import type { Instrumentation } from '@opentelemetry/instrumentation';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { KafkaJsInstrumentation } from '@opentelemetry/instrumentation-kafkajs';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { UndiciInstrumentation } from '@opentelemetry/instrumentation-undici';
import { isProbeOrScrape } from '../probe-requests.js';
import { nameAfterRoute } from './name-after-route.js';

/**
 * The libraries the apps use, each instrumented on purpose. An explicit list rather than the
 * auto-instrumentation bundle, which loads some forty instrumentations (~30 MB per process) for
 * libraries we do not have.
 *
 * Logs are correlated by the logging module's own mixin (see `trace-fields.ts`), so pino is not
 * instrumented: one mechanism, the same in tests as in production.
 */
export function microshopInstrumentations(): Instrumentation[] {
  return [
    // Incoming and outgoing HTTP; honours an incoming `traceparent`. Probes and scrapes are left
    // untraced (with everything they query), or they would be most of the traces. Server spans
    // are named after their route template (`POST /products/:id/price`) by `nameAfterRoute`,
    // not by the express instrumentation, which costs some 7% of throughput and adds three
    // anonymous "request handler" spans to every request.
    new HttpInstrumentation({
      ignoreIncomingRequestHook: (request) => isProbeOrScrape(request.url),
      applyCustomAttributesOnSpan: nameAfterRoute,
    }),
    // Every query, as a child of the work that issued it; none outside a trace (migrations, pool
    // housekeeping), which would each start a trace of their own. No span for taking a pooled
    // connection: it says nothing a query span does not, and costs a span per request.
    new PgInstrumentation({ requireParentSpan: true, ignoreConnectSpans: true }),
    // Produce and consume. The consumer side continues the trace in the message's `traceparent`
    // header; the outbox relay sets that header itself (see libs/messaging).
    new KafkaJsInstrumentation(),
    // Calls to other services through the pooled client in libs/http-client.
    new UndiciInstrumentation({ requireParentforSpans: true }),
  ];
}
