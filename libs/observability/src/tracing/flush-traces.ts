import { ProxyTracerProvider, trace } from '@opentelemetry/api';

interface Flushable {
  forceFlush(options?: { timeoutMillis?: number }): Promise<void>;
}

/**
 * Sends the spans still batched in memory, waiting at most `timeoutMs`. Called on graceful
 * shutdown, after the last request and message, since the process then exits without waiting
 * for the exporter's next batch. Does nothing when tracing is not loaded.
 */
export async function flushTraces(timeoutMs = 2_000): Promise<void> {
  const global = trace.getTracerProvider();
  const provider: unknown = global instanceof ProxyTracerProvider ? global.getDelegate() : global;
  if (isFlushable(provider)) {
    await provider.forceFlush({ timeoutMillis: timeoutMs }).catch(() => undefined);
  }
}

function isFlushable(provider: unknown): provider is Flushable {
  return typeof (provider as Partial<Flushable>).forceFlush === 'function';
}
