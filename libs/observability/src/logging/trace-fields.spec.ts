import { context, ROOT_CONTEXT, trace, TraceFlags } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { traceFields } from './trace-fields.js';

const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
const spanId = '00f067aa0ba902b7';

describe('traceFields', () => {
  const contextManager = new AsyncLocalStorageContextManager();

  beforeAll(() => context.setGlobalContextManager(contextManager.enable()));
  afterAll(() => context.disable());

  it('adds nothing to lines written outside a trace', () => {
    expect(traceFields()).toEqual({});
  });

  it('adds the trace and span ids of the active span, sampled or not', () => {
    for (const traceFlags of [TraceFlags.SAMPLED, TraceFlags.NONE]) {
      const active = trace.setSpanContext(ROOT_CONTEXT, { traceId, spanId, traceFlags });
      expect(context.with(active, traceFields)).toEqual({ trace_id: traceId, span_id: spanId });
    }
  });

  it('returns a new object for every line, since pino merges the line into it', () => {
    expect(traceFields()).not.toBe(traceFields());
  });
});
