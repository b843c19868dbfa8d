import { isTracingVariable, tracingSettingsFrom } from './tracing-settings.js';

const productEntry = '/app/dist/apps/product/src/main.js';

describe('tracingSettingsFrom', () => {
  it('names the service after the app whose entry script is running', () => {
    expect(tracingSettingsFrom({}, productEntry)?.serviceName).toBe('product');
    expect(tracingSettingsFrom({}, 'C:\\shop\\dist\\apps\\order\\src\\main.js')?.serviceName).toBe(
      'order',
    );
  });

  it('prefers OTEL_SERVICE_NAME over the entry script', () => {
    expect(tracingSettingsFrom({ OTEL_SERVICE_NAME: 'shop-product' }, productEntry)).toEqual({
      serviceName: 'shop-product',
      sampling: { parentBased: true, rootRatio: 1 },
    });
  });

  it("falls back to the specification's unknown service name for other scripts", () => {
    expect(tracingSettingsFrom({}, '/tmp/script.js')?.serviceName).toBe('unknown_service:node');
    expect(tracingSettingsFrom({}, undefined)?.serviceName).toBe('unknown_service:node');
  });

  it('exports nowhere unless an OTLP endpoint is configured', () => {
    expect(tracingSettingsFrom({}, productEntry)).toEqual({
      serviceName: 'product',
      sampling: { parentBased: true, rootRatio: 1 },
    });
  });

  it('sends traces to /v1/traces under the OTLP base endpoint', () => {
    const env = { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318/' };
    expect(tracingSettingsFrom(env, productEntry)?.otlpEndpoint).toBe(
      'http://collector:4318/v1/traces',
    );
  });

  it('uses the traces endpoint as given, in preference to the base endpoint', () => {
    const env = {
      OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318',
      OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://jaeger:4318/custom/traces',
    };
    expect(tracingSettingsFrom(env, productEntry)?.otlpEndpoint).toBe(
      'http://jaeger:4318/custom/traces',
    );
  });

  it('does not export when OTEL_TRACES_EXPORTER is none, even with an endpoint', () => {
    const env = {
      OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318',
      OTEL_TRACES_EXPORTER: 'none',
    };
    expect(tracingSettingsFrom(env, productEntry)?.otlpEndpoint).toBeUndefined();
  });

  it('appends spans to MICROSHOP_SPANS_FILE when it is set', () => {
    const env = { MICROSHOP_SPANS_FILE: '/tmp/spans.jsonl' };
    expect(tracingSettingsFrom(env, productEntry)?.spansFile).toBe('/tmp/spans.jsonl');
  });

  it('reads the sampler from OTEL_TRACES_SAMPLER and OTEL_TRACES_SAMPLER_ARG', () => {
    const env = {
      OTEL_TRACES_SAMPLER: 'parentbased_traceidratio',
      OTEL_TRACES_SAMPLER_ARG: '0.05',
    };
    expect(tracingSettingsFrom(env, productEntry)?.sampling).toEqual({
      parentBased: true,
      rootRatio: 0.05,
    });
  });

  it('ignores a bad sampler when tracing is disabled, as it loads nothing', () => {
    const env = { OTEL_SDK_DISABLED: 'true', OTEL_TRACES_SAMPLER: 'nonsense' };
    expect(tracingSettingsFrom(env, productEntry)).toBeNull();
  });

  it('turns tracing off entirely when OTEL_SDK_DISABLED is true', () => {
    expect(tracingSettingsFrom({ OTEL_SDK_DISABLED: 'true' }, productEntry)).toBeNull();
    expect(tracingSettingsFrom({ OTEL_SDK_DISABLED: 'false' }, productEntry)).not.toBeNull();
  });
});

describe('isTracingVariable', () => {
  it("claims the OpenTelemetry variables and the spans file, not the apps' own settings", () => {
    expect(isTracingVariable('OTEL_EXPORTER_OTLP_ENDPOINT')).toBe(true);
    expect(isTracingVariable('OTEL_TRACES_SAMPLER_ARG')).toBe(true);
    expect(isTracingVariable('MICROSHOP_SPANS_FILE')).toBe(true);
    expect(isTracingVariable('KAFKA_BROKERS')).toBe(false);
    expect(isTracingVariable('MY_OTEL_ENDPOINT')).toBe(false);
  });
});
