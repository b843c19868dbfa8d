import type { PhaseSummary } from './phase-summary.js';

const ms = (value: number) => (Number.isFinite(value) ? value.toFixed(1) : '-');
const ratio = (value: number) => (Number.isFinite(value) ? `${value.toFixed(2)}x` : '-');
const list = (record: Record<string, number>) =>
  Object.entries(record)
    .map(([name, n]) => `${name}: ${n}`)
    .join(', ') || '-';

const HEADER = [
  '| phase | rate/s | sent | ok % | ok/s | p50 ms | p90 ms | p99 ms | max ms | vs baseline | errors by status | counts |',
  '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
];

function versus(summary: PhaseSummary): string {
  const v = summary.versusBaseline;
  if (!v) return '-';
  const points = v.successRateChange;
  const change = Number.isFinite(points)
    ? `${points >= 0 ? '+' : ''}${points.toFixed(1)} pt ok`
    : '';
  return `vs ${v.baseline}: p50 ${ratio(v.p50Ratio)}, p99 ${ratio(v.p99Ratio)}, ok/s ${ratio(v.throughputRatio)}, ${change}`;
}

/** One markdown row per phase: operations, latency percentiles, the baseline ratios, the errors. */
export function phaseRow(summary: PhaseSummary): string {
  const ops = summary.operations;
  const rate = summary.loop === 'closed' ? 'closed loop' : summary.ratePerSecond;
  return `| ${summary.name} | ${rate} | ${ops.sent} | ${ms(ops.successRate)} | ${ms(ops.throughputPerSecond)} | ${ms(ops.latencyMs.p50)} | ${ms(ops.latencyMs.p90)} | ${ms(ops.latencyMs.p99)} | ${ms(ops.latencyMs.max)} | ${versus(summary)} | ${list(summary.errorsByStatus)} | ${list(summary.counts)} |`;
}

/** The report: the phases table, then each kind of request's own latency per phase. */
export function phaseReport(summaries: PhaseSummary[]): string[] {
  const lines = [...HEADER, ...summaries.map(phaseRow), ''];
  lines.push('| phase | request | count | failed | p50 ms | p99 ms | max ms |');
  lines.push('| --- | --- | --- | --- | --- | --- | --- |');
  for (const summary of summaries) {
    for (const [kind, r] of Object.entries(summary.requests)) {
      lines.push(
        `| ${summary.name} | ${kind} | ${r.count} | ${r.failed} | ${ms(r.latencyMs.p50)} | ${ms(r.latencyMs.p99)} | ${ms(r.latencyMs.max)} |`,
      );
    }
  }
  return lines;
}
