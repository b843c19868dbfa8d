import { PhaseRecorder } from '../traffic/phase-recorder.js';
import { compareWithBaselines, summarizePhase } from './phase-summary.js';
import { phaseReport, phaseRow } from './print-phases.js';

const phase = (name: string) => ({ name, ratePerSecond: 10, durationMs: 10_000 });
const latencies = (from: number, count: number) =>
  Array.from({ length: count }, (_, i) => from + i);

function recorded(): PhaseRecorder {
  const recorder = new PhaseRecorder();
  for (let i = 0; i < 95; i++) recorder.request('product page', 200, 5);
  recorder.request('product page', 503, 40);
  recorder.request('product page', 'timeout', 10_000);
  recorder.request('listing', 200, 3);
  recorder.request('listing', 503, 2);
  recorder.count('recommendations degraded (timeout)');
  recorder.count('recommendations degraded (timeout)');
  return recorder;
}

describe('phase summaries', () => {
  it('counts operations, their success rate, throughput and latency percentiles', () => {
    const summary = summarizePhase(
      phase('hung'),
      'open',
      { latenciesMs: latencies(1, 97), errors: 3, elapsedMs: 10_000 },
      recorded(),
    );
    expect(summary.operations).toMatchObject({
      sent: 100,
      succeeded: 97,
      failed: 3,
      successRate: 97,
      throughputPerSecond: 9.7,
      latencyMs: { count: 97, p50: 49, p90: 88, p99: 97, max: 97 },
    });
  });

  it('groups failed requests of every kind by status, and keeps each kind apart', () => {
    const summary = summarizePhase(
      phase('hung'),
      'open',
      { latenciesMs: [1], errors: 0, elapsedMs: 1_000 },
      recorded(),
    );
    expect(summary.errorsByStatus).toEqual({ '503': 2, timeout: 1 });
    expect(summary.requests['product page']).toMatchObject({ count: 97, failed: 2 });
    expect(summary.requests.listing).toMatchObject({ count: 2, failed: 1 });
    expect(summary.counts).toEqual({ 'recommendations degraded (timeout)': 2 });
  });

  it('sets a phase beside its baseline as ratios and a change in success points', () => {
    const healthy = summarizePhase(
      phase('healthy'),
      'open',
      { latenciesMs: latencies(1, 100), errors: 0, elapsedMs: 10_000 },
      new PhaseRecorder(),
    );
    const hung = summarizePhase(
      phase('hung'),
      'open',
      { latenciesMs: latencies(1, 90).map((ms) => ms * 2), errors: 10, elapsedMs: 10_000 },
      new PhaseRecorder(),
    );
    const [baseline, compared] = compareWithBaselines(
      [healthy, hung],
      new Map([['hung', 'healthy']]),
    );
    expect(baseline!.versusBaseline).toBeUndefined();
    expect(compared!.versusBaseline).toEqual({
      baseline: 'healthy',
      p50Ratio: 90 / 50,
      p99Ratio: 180 / 99,
      throughputRatio: 0.9,
      successRateChange: -10,
    });
    expect(phaseRow(compared!)).toContain(
      'vs healthy: p50 1.80x, p99 1.82x, ok/s 0.90x, -10.0 pt ok',
    );
  });

  it('prints a row per phase and a row per kind of request', () => {
    const summary = summarizePhase(
      phase('hung'),
      'open',
      { latenciesMs: [1], errors: 0, elapsedMs: 1_000 },
      recorded(),
    );
    const report = phaseReport([summary]);
    expect(report.filter((line) => line.startsWith('| hung |'))).toHaveLength(3);
    expect(phaseRow(summary)).toContain('503: 2, timeout: 1');
  });
});
