import { context, ROOT_CONTEXT, trace, TraceFlags } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import {
  InMemorySpanExporter,
  SimpleSpanProcessor,
  TracerProvider,
} from '@opentelemetry/sdk-trace';
import {
  contextOfTraceparent,
  currentTraceparent,
  traceparentOf,
  untraced,
} from './trace-context.js';

const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
const spanId = '00f067aa0ba902b7';
const traceparent = `00-${traceId}-${spanId}-01`;
const inSpan = trace.setSpanContext(ROOT_CONTEXT, {
  traceId,
  spanId,
  traceFlags: TraceFlags.SAMPLED,
});

describe('trace context', () => {
  const contextManager = new AsyncLocalStorageContextManager();

  beforeAll(() => context.setGlobalContextManager(contextManager.enable()));
  afterAll(() => context.disable());

  it('has no traceparent outside any trace', () => {
    expect(currentTraceparent()).toBeUndefined();
  });

  it('gives the W3C traceparent of the active span', () => {
    expect(context.with(inSpan, currentTraceparent)).toBe(traceparent);
  });

  it('reads a stored traceparent back as the parent of new spans', () => {
    const parent = trace.getSpanContext(contextOfTraceparent(traceparent));
    expect(parent).toMatchObject({
      traceId,
      spanId,
      traceFlags: TraceFlags.SAMPLED,
      isRemote: true,
    });
    expect(traceparentOf(contextOfTraceparent(traceparent))).toBe(traceparent);
  });

  it('starts a new trace from a missing or malformed traceparent', () => {
    expect(trace.getSpanContext(contextOfTraceparent(undefined))).toBeUndefined();
    expect(trace.getSpanContext(contextOfTraceparent('00-not-a-trace-01'))).toBeUndefined();
    expect(trace.getSpanContext(contextOfTraceparent(`00-${'0'.repeat(32)}-${spanId}-01`))).toBe(
      undefined,
    );
  });

  describe('with a tracer provider', () => {
    const exporter = new InMemorySpanExporter();
    const tracer = new TracerProvider({
      spanProcessors: [new SimpleSpanProcessor({ exporter })],
    }).getTracer('test');

    beforeEach(() => exporter.reset());

    it('records nothing started implicitly inside untraced work', async () => {
      await untraced(async () => {
        await Promise.resolve();
        tracer.startSpan('polling query').end();
        expect(currentTraceparent()).toBeUndefined();
      });
      expect(exporter.getFinishedSpans()).toEqual([]);
    });

    it('records spans inside untraced work that name their parent explicitly', () => {
      untraced(() => tracer.startSpan('publish', {}, contextOfTraceparent(traceparent)).end());
      const [span] = exporter.getFinishedSpans();
      expect(span?.spanContext().traceId).toBe(traceId);
      expect(span?.parentSpanContext?.spanId).toBe(spanId);
    });
  });
});
