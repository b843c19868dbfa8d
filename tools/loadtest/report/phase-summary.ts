import type { OpenLoopResult } from '../../../bench/support/open-loop.js';
import { type LatencySummary, summarize } from '../../../bench/support/latency-summary.js';
import type { PlannedPhase } from '../plan/planned-phase.js';
import type { PhaseRecorder } from '../traffic/phase-recorder.js';
import { isSuccess } from '../traffic/request-outcome.js';

/** A phase beside its baseline: ratios above 1 mean slower (latency) or more (throughput). */
export interface VersusBaseline {
  baseline: string;
  p50Ratio: number;
  p99Ratio: number;
  throughputRatio: number;
  /** Success rate minus the baseline's, in percentage points. */
  successRateChange: number;
}

export interface PhaseSummary {
  name: string;
  loop: 'open' | 'closed';
  ratePerSecond: number;
  durationSeconds: number;
  operations: {
    sent: number;
    succeeded: number;
    failed: number;
    /** Percent of operations that succeeded. */
    successRate: number;
    throughputPerSecond: number;
    /** From each arrival's scheduled start in the open loop (coordinated omission corrected). */
    latencyMs: LatencySummary;
  };
  /** Failed HTTP requests of every kind, by status (or `timeout`, `network-error`). */
  errorsByStatus: Record<string, number>;
  /** Each kind of request with its own latency (from its actual send). */
  requests: Record<string, { count: number; failed: number; latencyMs: LatencySummary }>;
  /** What the responses said: degraded recommendations, order outcomes... */
  counts: Record<string, number>;
  versusBaseline?: VersusBaseline;
}

/** Condenses a phase's raw figures into what the report prints and the JSON file keeps. */
export function summarizePhase(
  phase: PlannedPhase,
  loop: 'open' | 'closed',
  run: OpenLoopResult,
  recorder: PhaseRecorder,
): PhaseSummary {
  const succeeded = run.latenciesMs.length;
  const sent = succeeded + run.errors;
  const requests: PhaseSummary['requests'] = {};
  for (const [kind, latencies] of recorder.latenciesMs) {
    const outcomes = recorder.outcomes.get(kind) ?? new Map();
    let failed = 0;
    for (const [outcome, n] of outcomes) if (!isSuccess(outcome)) failed += n;
    requests[kind] = { count: latencies.length, failed, latencyMs: summarize(latencies) };
  }
  return {
    name: phase.name,
    loop,
    ratePerSecond: phase.ratePerSecond,
    durationSeconds: phase.durationMs / 1_000,
    operations: {
      sent,
      succeeded,
      failed: run.errors,
      successRate: sent === 0 ? Number.NaN : (100 * succeeded) / sent,
      throughputPerSecond: run.elapsedMs > 0 ? (1_000 * succeeded) / run.elapsedMs : Number.NaN,
      latencyMs: summarize(run.latenciesMs),
    },
    errorsByStatus: recorder.errorsByOutcome(),
    requests,
    counts: Object.fromEntries([...recorder.counters].sort(([a], [b]) => a.localeCompare(b))),
  };
}

/** Sets each phase that names a baseline beside that baseline's figures. */
export function compareWithBaselines(summaries: PhaseSummary[], baselines: Map<string, string>) {
  const byName = new Map(summaries.map((summary) => [summary.name, summary]));
  return summaries.map((summary) => {
    const baseline = byName.get(baselines.get(summary.name) ?? '');
    if (!baseline) return summary;
    const ops = summary.operations;
    const base = baseline.operations;
    return {
      ...summary,
      versusBaseline: {
        baseline: baseline.name,
        p50Ratio: ops.latencyMs.p50 / base.latencyMs.p50,
        p99Ratio: ops.latencyMs.p99 / base.latencyMs.p99,
        throughputRatio: ops.throughputPerSecond / base.throughputPerSecond,
        successRateChange: ops.successRate - base.successRate,
      },
    };
  });
}
