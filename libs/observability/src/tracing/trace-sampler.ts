import {
  AlwaysOffSampler,
  AlwaysOnSampler,
  ParentBasedSampler,
  type Sampler,
  TraceIdRatioBasedSampler,
} from '@opentelemetry/sdk-trace';
import type { TraceSampling } from './trace-sampling.js';

/** The SDK sampler that takes the decisions `sampling` describes. */
export function samplerFor({ parentBased, rootRatio }: TraceSampling): Sampler {
  const root =
    rootRatio >= 1
      ? new AlwaysOnSampler()
      : rootRatio <= 0
        ? new AlwaysOffSampler()
        : new TraceIdRatioBasedSampler(rootRatio);
  return parentBased ? new ParentBasedSampler({ root }) : root;
}
