// No SDK import here: the bootstrap reads these settings before it knows whether to load the SDK.

/**
 * Which new traces a process records: `rootRatio` of the traces it starts itself (1 = all, 0 =
 * none), chosen from the trace id so that every process taking the same decision for one trace
 * id agrees; and, when `parentBased`, whatever the caller decided for traces that arrive from
 * upstream, so a trace is recorded whole or not at all.
 */
export interface TraceSampling {
  parentBased: boolean;
  rootRatio: number;
}

/** The `OTEL_TRACES_SAMPLER` values the SDK's tracer provider would understand. */
const SAMPLERS: Record<string, (ratio: number) => TraceSampling> = {
  always_on: () => ({ parentBased: false, rootRatio: 1 }),
  always_off: () => ({ parentBased: false, rootRatio: 0 }),
  traceidratio: (ratio) => ({ parentBased: false, rootRatio: ratio }),
  parentbased_always_on: () => ({ parentBased: true, rootRatio: 1 }),
  parentbased_always_off: () => ({ parentBased: true, rootRatio: 0 }),
  parentbased_traceidratio: (ratio) => ({ parentBased: true, rootRatio: ratio }),
};

/** A tracing variable that holds a value the bootstrap cannot use; boot stops on it. */
export class TracingConfigError extends Error {
  constructor(
    readonly variable: string,
    expectation: string,
  ) {
    super(`config error: ${variable} ${expectation}`);
    this.name = 'TracingConfigError';
  }
}

/**
 * Reads `OTEL_TRACES_SAMPLER` and `OTEL_TRACES_SAMPLER_ARG` as the OpenTelemetry specification
 * defines them. SDK 3's tracer provider no longer reads them itself (only the NodeSDK package
 * did), and this bootstrap assembles the provider from its parts.
 *
 * The specification says an unknown value falls back to the default with a warning; here, as for
 * every other setting of the apps, a value that cannot be used stops boot instead: a typo in a
 * production sampler would otherwise record every trace, silently.
 */
export function traceSamplingFrom(env: NodeJS.ProcessEnv): TraceSampling {
  const name = env.OTEL_TRACES_SAMPLER?.trim().toLowerCase() || 'parentbased_always_on';
  const sampling = SAMPLERS[name];
  if (sampling === undefined) {
    throw new TracingConfigError(
      'OTEL_TRACES_SAMPLER',
      `must be one of ${Object.keys(SAMPLERS).join(', ')} (got "${name}")`,
    );
  }
  return sampling(ratioFrom(env.OTEL_TRACES_SAMPLER_ARG));
}

/** The ratio samplers' argument: a number from 0 to 1, 1 when unset (the specification's default). */
function ratioFrom(argument: string | undefined): number {
  const trimmed = argument?.trim();
  if (!trimmed) return 1;
  const ratio = Number(trimmed);
  if (!Number.isFinite(ratio) || ratio < 0 || ratio > 1) {
    throw new TracingConfigError(
      'OTEL_TRACES_SAMPLER_ARG',
      `must be a number from 0 to 1 (got "${trimmed}")`,
    );
  }
  return ratio;
}
