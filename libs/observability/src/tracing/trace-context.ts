import {
  type Context,
  context,
  defaultTextMapGetter,
  defaultTextMapSetter,
  ROOT_CONTEXT,
} from '@opentelemetry/api';
import { suppressTracing, W3CTraceContextPropagator } from '@opentelemetry/core';

/**
 * W3C trace context, used directly rather than through the global propagator: a `traceparent`
 * stored in the outbox must be read back the same way whatever the process has registered.
 */
const w3c = new W3CTraceContextPropagator();

/**
 * The W3C `traceparent` of the span active now (`00-<trace id>-<span id>-<flags>`), or undefined
 * outside any trace, e.g. when no tracing SDK is loaded.
 */
export function currentTraceparent(): string | undefined {
  return traceparentOf(context.active());
}

/** The W3C `traceparent` of the span in `ctx`, or undefined when it holds no valid span. */
export function traceparentOf(ctx: Context): string | undefined {
  const carrier: Record<string, string> = {};
  w3c.inject(ctx, carrier, defaultTextMapSetter);
  return carrier.traceparent;
}

/**
 * A context whose parent is the remote span named by `traceparent`, to start a span in that trace
 * long after (or far from) the work that recorded it. A missing or malformed value gives the root
 * context, so the span starts a new trace instead of failing.
 */
export function contextOfTraceparent(traceparent: string | undefined): Context {
  if (traceparent === undefined) return ROOT_CONTEXT;
  return w3c.extract(ROOT_CONTEXT, { traceparent }, defaultTextMapGetter);
}

/**
 * Runs `work` (and everything it starts asynchronously) with tracing switched off. For background
 * loops such as the outbox relay: their polling queries would otherwise make a new trace every
 * second, and a Kafka send inside them would overwrite the `traceparent` they set themselves.
 */
export function untraced<T>(work: () => T): T {
  return context.with(suppressTracing(ROOT_CONTEXT), work);
}
