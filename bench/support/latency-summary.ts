/** Latency percentiles in milliseconds, the way PERFORMANCE.md asks for them. */
export interface LatencySummary {
  count: number;
  p50: number;
  p90: number;
  p99: number;
  /** Only meaningful with 20,000+ samples; `undefined` below that. */
  p999?: number;
  max: number;
}

function percentile(sorted: number[], fraction: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1);
  return sorted[Math.max(0, index)]!;
}

export function summarize(samplesMs: number[]): LatencySummary {
  const sorted = [...samplesMs].sort((a, b) => a - b);
  return {
    count: sorted.length,
    p50: percentile(sorted, 0.5),
    p90: percentile(sorted, 0.9),
    p99: percentile(sorted, 0.99),
    p999: sorted.length >= 20_000 ? percentile(sorted, 0.999) : undefined,
    max: sorted.at(-1) ?? Number.NaN,
  };
}
