import { telemetryHint } from './telemetry-hint.js';

describe('telemetryHint', () => {
  it('says how to see traces when the stack exports none', () => {
    const lines = telemetryHint({});
    expect(lines[0]).toMatch(/^Traces are not exported/);
    expect(lines.join('\n')).toContain(
      'OTEL_EXPORTER_OTLP_ENDPOINT=http://localhost:4318 npm start',
    );
    expect(lines.join('\n')).toContain('docker compose --profile observability up');
  });

  it('says where traces go when an endpoint or a spans file is set', () => {
    const lines = telemetryHint({
      OTEL_EXPORTER_OTLP_ENDPOINT: 'http://localhost:4318',
      MICROSHOP_SPANS_FILE: '/tmp/spans.jsonl',
    });
    expect(lines[0]).toBe(
      'Traces are exported to OTLP http://localhost:4318/v1/traces and file /tmp/spans.jsonl.',
    );
  });

  it('does not claim an export that OTEL_TRACES_EXPORTER=none switches off', () => {
    const env = {
      OTEL_EXPORTER_OTLP_ENDPOINT: 'http://localhost:4318',
      OTEL_TRACES_EXPORTER: 'none',
    };
    expect(telemetryHint(env)[0]).toMatch(/^Traces are not exported/);
  });

  it('says that tracing is off when the SDK is disabled', () => {
    expect(telemetryHint({ OTEL_SDK_DISABLED: 'true' })).toEqual([
      'Tracing is disabled (OTEL_SDK_DISABLED=true): log lines carry no trace_id.',
    ]);
  });
});
