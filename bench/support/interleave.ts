/** The median of some numbers (the mean of the middle two for an even count). */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export interface RatioSummary {
  median: number;
  min: number;
  max: number;
}

export function ratioSummary(ratios: number[]): RatioSummary {
  return { median: median(ratios), min: Math.min(...ratios), max: Math.max(...ratios) };
}

/**
 * Runs the baseline and the candidate alternately (A B A B ...), so drift in the machine's speed
 * hits both arms alike; returns each arm's results in round order.
 */
export async function interleave<Result>(
  rounds: number,
  baseline: () => Promise<Result>,
  candidate: () => Promise<Result>,
  onRound?: (round: number, arm: 'baseline' | 'candidate', result: Result) => void,
): Promise<{ baseline: Result[]; candidate: Result[] }> {
  const results = { baseline: [] as Result[], candidate: [] as Result[] };
  for (let round = 1; round <= rounds; round++) {
    const a = await baseline();
    onRound?.(round, 'baseline', a);
    results.baseline.push(a);
    const b = await candidate();
    onRound?.(round, 'candidate', b);
    results.candidate.push(b);
  }
  return results;
}
