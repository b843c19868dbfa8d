/**
 * Lines for the ready table saying where traces go, and how to see traces, dashboards and logs
 * when they go nowhere: `npm start` needs none of it, but should say how to get it.
 *
 * The variables are read as the apps' tracing bootstrap reads them (`tracingSettingsFrom` in
 * libs/observability); the launcher does not import that lib, whose index brings NestJS along
 * (some 35 MB for a process that only supervises the others).
 */
export function telemetryHint(env: NodeJS.ProcessEnv): string[] {
  const exporting = [
    ...(otlpTracesEndpoint(env) ?? []).map((url) => `OTLP ${url}`),
    ...(env.MICROSHOP_SPANS_FILE?.trim() ? [`file ${env.MICROSHOP_SPANS_FILE.trim()}`] : []),
  ];
  const dashboards =
    'Dashboards, alerts and logs: docker compose --profile observability up (docs/observability.md).';
  if (env.OTEL_SDK_DISABLED?.trim().toLowerCase() === 'true') {
    return ['Tracing is disabled (OTEL_SDK_DISABLED=true): log lines carry no trace_id.'];
  }
  if (exporting.length > 0)
    return [`Traces are exported to ${exporting.join(' and ')}.`, dashboards];
  return [
    'Traces are not exported (log lines still carry trace_id). To see them in Jaeger:',
    '  docker run --rm -p 16686:16686 -p 4318:4318 jaegertracing/jaeger:2.9.0',
    '  OTEL_EXPORTER_OTLP_ENDPOINT=http://localhost:4318 npm start   # then http://localhost:16686',
    dashboards,
  ];
}

function otlpTracesEndpoint(env: NodeJS.ProcessEnv): [string] | undefined {
  if (env.OTEL_TRACES_EXPORTER?.trim() === 'none') return undefined;
  const specific = env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT?.trim();
  if (specific) return [specific];
  const base = env.OTEL_EXPORTER_OTLP_ENDPOINT?.trim();
  return base ? [`${base.replace(/\/+$/, '')}/v1/traces`] : undefined;
}
