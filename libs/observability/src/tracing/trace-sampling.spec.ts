import { TracingConfigError, traceSamplingFrom } from './trace-sampling.js';

describe('traceSamplingFrom', () => {
  it("records every trace and follows callers' decisions when nothing is configured", () => {
    expect(traceSamplingFrom({})).toEqual({ parentBased: true, rootRatio: 1 });
    expect(traceSamplingFrom({ OTEL_TRACES_SAMPLER: ' ' })).toEqual({
      parentBased: true,
      rootRatio: 1,
    });
  });

  it('reads a parent-based ratio from OTEL_TRACES_SAMPLER_ARG', () => {
    const env = { OTEL_TRACES_SAMPLER: 'parentbased_traceidratio', OTEL_TRACES_SAMPLER_ARG: '0.1' };
    expect(traceSamplingFrom(env)).toEqual({ parentBased: true, rootRatio: 0.1 });
  });

  it('takes a ratio sampler without an argument to mean every trace, as the specification does', () => {
    expect(traceSamplingFrom({ OTEL_TRACES_SAMPLER: 'traceidratio' })).toEqual({
      parentBased: false,
      rootRatio: 1,
    });
  });

  it.each([
    ['always_on', { parentBased: false, rootRatio: 1 }],
    ['always_off', { parentBased: false, rootRatio: 0 }],
    ['parentbased_always_on', { parentBased: true, rootRatio: 1 }],
    ['PARENTBASED_ALWAYS_OFF', { parentBased: true, rootRatio: 0 }],
  ])('understands the specification sampler %s', (name, sampling) => {
    expect(
      traceSamplingFrom({ OTEL_TRACES_SAMPLER: name, OTEL_TRACES_SAMPLER_ARG: '0.5' }),
    ).toEqual(sampling);
  });

  it('refuses a sampler it does not know, naming the variable', () => {
    const read = () => traceSamplingFrom({ OTEL_TRACES_SAMPLER: 'jaeger_remote' });
    expect(read).toThrow(TracingConfigError);
    expect(read).toThrow(/^config error: OTEL_TRACES_SAMPLER must be one of .*"jaeger_remote"/);
  });

  it.each(['1.5', '-0.1', 'ten percent', 'NaN'])('refuses the ratio %s', (argument) => {
    const env = {
      OTEL_TRACES_SAMPLER: 'parentbased_traceidratio',
      OTEL_TRACES_SAMPLER_ARG: argument,
    };
    expect(() => traceSamplingFrom(env)).toThrow(
      /^config error: OTEL_TRACES_SAMPLER_ARG must be a number from 0 to 1/,
    );
  });
});
