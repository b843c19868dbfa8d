import { type TraceSampling, traceSamplingFrom } from './trace-sampling.js';

/** How this process traces, read once from its environment at start-up. */
export interface TracingSettings {
  /** `service.name` on every span. */
  serviceName: string;
  /** Which traces are recorded when they go somewhere (no exporter: none are recorded). */
  sampling: TraceSampling;
  /**
   * Where OTLP (HTTP/protobuf) export goes, when it is configured; the exporter itself reads the
   * standard `OTEL_EXPORTER_OTLP_*` variables (headers, timeout, certificates).
   */
  otlpEndpoint?: string;
  /** A file each finished span is appended to as one JSON line: for tests and local debugging. */
  spansFile?: string;
}

/**
 * Whether the tracing bootstrap (or the SDK exporter it loads) reads this environment variable,
 * rather than the app's own config schema: the standard `OTEL_*` ones and `MICROSHOP_SPANS_FILE`.
 */
export function isTracingVariable(name: string): boolean {
  return name.startsWith('OTEL_') || name === 'MICROSHOP_SPANS_FILE';
}

/** `dist/apps/<app>/src/main.js`, the entry script of every app. */
const APP_ENTRY_SCRIPT = /(?:^|[\\/])apps[\\/]([^\\/]+)[\\/]src[\\/]main\.js$/;

/** The OpenTelemetry specification's name for a service that did not say. */
const UNKNOWN_SERVICE = 'unknown_service:node';

/**
 * Reads the tracing settings from the environment, or null when `OTEL_SDK_DISABLED=true` (no
 * tracing at all: no spans, no propagation, no trace ids in logs):
 *
 * - `OTEL_SERVICE_NAME`, else the app named by the entry script (`dist/apps/product/src/main.js`
 *   is `product`), so the local stack, compose and Kubernetes need not set it per app;
 * - `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT` (used as is) or `OTEL_EXPORTER_OTLP_ENDPOINT` (the
 *   collector's base URL, `/v1/traces` appended): OTLP export only when one is set, unlike the
 *   SDK's default of `localhost:4318`, so a process without a collector does no export work;
 *   `OTEL_TRACES_EXPORTER=none` switches it off even then;
 * - `OTEL_TRACES_SAMPLER` and `OTEL_TRACES_SAMPLER_ARG` (see `traceSamplingFrom`; a value that
 *   cannot be used throws a `TracingConfigError`);
 * - `MICROSHOP_SPANS_FILE`: also append finished spans to this file.
 */
export function tracingSettingsFrom(
  env: NodeJS.ProcessEnv,
  entryScript: string | undefined,
): TracingSettings | null {
  if (env.OTEL_SDK_DISABLED?.trim().toLowerCase() === 'true') return null;
  const settings: TracingSettings = {
    serviceName: nonEmpty(env.OTEL_SERVICE_NAME) ?? appOf(entryScript) ?? UNKNOWN_SERVICE,
    sampling: traceSamplingFrom(env),
  };
  const endpoint = otlpTracesEndpoint(env);
  if (endpoint !== undefined && env.OTEL_TRACES_EXPORTER?.trim() !== 'none') {
    settings.otlpEndpoint = endpoint;
  }
  const spansFile = nonEmpty(env.MICROSHOP_SPANS_FILE);
  if (spansFile !== undefined) settings.spansFile = spansFile;
  return settings;
}

function otlpTracesEndpoint(env: NodeJS.ProcessEnv): string | undefined {
  const specific = nonEmpty(env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT);
  if (specific !== undefined) return specific;
  const base = nonEmpty(env.OTEL_EXPORTER_OTLP_ENDPOINT);
  return base === undefined ? undefined : `${base.replace(/\/+$/, '')}/v1/traces`;
}

function appOf(entryScript: string | undefined): string | undefined {
  return entryScript?.match(APP_ENTRY_SCRIPT)?.[1];
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}
