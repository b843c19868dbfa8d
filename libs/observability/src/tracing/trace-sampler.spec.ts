import { ROOT_CONTEXT, SpanKind, trace, TraceFlags } from '@opentelemetry/api';
import { RandomIdGenerator, SamplingDecision } from '@opentelemetry/sdk-trace';
import { samplerFor } from './trace-sampler.js';

const ids = new RandomIdGenerator();
const randomTraceIds = Array.from({ length: 4000 }, () => ids.generateTraceId());

function underParent(sampled: boolean) {
  return trace.setSpanContext(ROOT_CONTEXT, {
    traceId: ids.generateTraceId(),
    spanId: ids.generateSpanId(),
    traceFlags: sampled ? TraceFlags.SAMPLED : TraceFlags.NONE,
    isRemote: true,
  });
}

const decide = (sampler: ReturnType<typeof samplerFor>, context = ROOT_CONTEXT, traceId?: string) =>
  sampler.shouldSample(
    context,
    traceId ?? ids.generateTraceId(),
    'GET /products',
    SpanKind.SERVER,
    {},
    [],
  ).decision;

const sampledShare = (sampler: ReturnType<typeof samplerFor>) =>
  randomTraceIds.filter(
    (traceId) => decide(sampler, ROOT_CONTEXT, traceId) === SamplingDecision.RECORD_AND_SAMPLED,
  ).length / randomTraceIds.length;

describe('samplerFor', () => {
  it('records about the given share of new traces', () => {
    const share = sampledShare(samplerFor({ parentBased: true, rootRatio: 0.25 }));
    expect(share).toBeGreaterThan(0.2);
    expect(share).toBeLessThan(0.3);
  });

  it('decides from the trace id, so every service takes the same decision for one trace', () => {
    const inOneService = samplerFor({ parentBased: false, rootRatio: 0.5 });
    const inAnother = samplerFor({ parentBased: false, rootRatio: 0.5 });
    const decisions = (sampler: ReturnType<typeof samplerFor>) =>
      randomTraceIds.map((traceId) => decide(sampler, ROOT_CONTEXT, traceId));
    expect(decisions(inAnother)).toEqual(decisions(inOneService));
    expect(new Set(decisions(inOneService)).size).toBe(2);
  });

  it('records every new trace at ratio 1 and none at ratio 0', () => {
    expect(sampledShare(samplerFor({ parentBased: true, rootRatio: 1 }))).toBe(1);
    expect(sampledShare(samplerFor({ parentBased: true, rootRatio: 0 }))).toBe(0);
  });

  it("follows the caller's decision when parent-based, whatever the ratio", () => {
    const never = samplerFor({ parentBased: true, rootRatio: 0 });
    const always = samplerFor({ parentBased: true, rootRatio: 1 });
    expect(decide(never, underParent(true))).toBe(SamplingDecision.RECORD_AND_SAMPLED);
    expect(decide(always, underParent(false))).toBe(SamplingDecision.NOT_RECORD);
  });

  it("ignores the caller's decision when not parent-based", () => {
    const always = samplerFor({ parentBased: false, rootRatio: 1 });
    expect(decide(always, underParent(false))).toBe(SamplingDecision.RECORD_AND_SAMPLED);
  });
});
