import { context, diag, DiagLogLevel, propagation, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { setGlobalErrorHandler, W3CTraceContextPropagator } from '@opentelemetry/core';
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import {
  defaultResource,
  detectResources,
  resourceAttributesEnvDetector,
  resourceFromAttributes,
} from '@opentelemetry/resources';
import {
  BatchSpanProcessor,
  SimpleSpanProcessor,
  type SpanProcessor,
  TracerProvider,
} from '@opentelemetry/sdk-trace';
import { exportErrorHandler } from './export-error-handler.js';
import { microshopInstrumentations } from './instrumentations.js';
import { SpansFileExporter } from './spans-file.exporter.js';
import { samplerFor } from './trace-sampler.js';
import { tracingDiagLogger, writeTracingLog } from './tracing-log.js';
import type { TracingSettings } from './tracing-settings.js';

/**
 * Installs tracing for the whole process: W3C trace context carried in async context and across
 * HTTP and Kafka, the instrumentations, and the exporters the settings ask for. Must run before
 * the app imports the libraries it instruments (see `register.ts`).
 */
export async function startTracing(settings: TracingSettings): Promise<void> {
  diag.setLogger(tracingDiagLogger(settings.serviceName), DiagLogLevel.WARN);
  setGlobalErrorHandler(
    exportErrorHandler((message) => writeTracingLog(settings.serviceName, 'warn', message)),
  );
  const processors = await spanProcessorsFor(settings);
  const provider = new TracerProvider({
    resource: defaultResource()
      .merge(detectResources({ detectors: [resourceAttributesEnvDetector] }))
      .merge(resourceFromAttributes({ 'service.name': settings.serviceName })),
    // With nowhere to send spans, record none: spans still get ids, so the context propagates and
    // logs carry trace ids, for a few allocations per request. A parent sampled upstream (by a
    // service that does export) is still followed, so its trace stays whole.
    sampler: samplerFor(
      processors.length > 0 ? settings.sampling : { parentBased: true, rootRatio: 0 },
    ),
    spanProcessors: processors,
  });
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  trace.setGlobalTracerProvider(provider);
  registerInstrumentations({
    instrumentations: microshopInstrumentations(),
    tracerProvider: provider,
  });
  announce(settings);
}

async function spanProcessorsFor({
  otlpEndpoint,
  spansFile,
}: TracingSettings): Promise<SpanProcessor[]> {
  const processors: SpanProcessor[] = [];
  if (otlpEndpoint !== undefined) {
    // Imported only when used: with its protobuf encoder it is the largest part of the SDK.
    const { OTLPTraceExporter } = await import('@opentelemetry/exporter-trace-otlp-proto');
    // Batched and sent in the background; `flushTraces()` sends the rest at shutdown.
    processors.push(
      new BatchSpanProcessor({ exporter: new OTLPTraceExporter({ url: otlpEndpoint }) }),
    );
  }
  if (spansFile !== undefined) {
    processors.push(new SimpleSpanProcessor({ exporter: new SpansFileExporter(spansFile) }));
  }
  return processors;
}

/** One line, only when traces go somewhere: a process without a collector prints nothing new. */
function announce({ serviceName, otlpEndpoint, spansFile, sampling }: TracingSettings): void {
  const destinations = [
    ...(otlpEndpoint === undefined ? [] : [`OTLP ${otlpEndpoint}`]),
    ...(spansFile === undefined ? [] : [`file ${spansFile}`]),
  ];
  if (destinations.length === 0) return;
  const recorded = `${+(sampling.rootRatio * 100).toFixed(2)}% of new traces`;
  const followed = sampling.parentBased ? ", and callers' sampled traces" : '';
  writeTracingLog(
    serviceName,
    'info',
    `exporting traces to ${destinations.join(' and ')} (recording ${recorded}${followed})`,
  );
}
