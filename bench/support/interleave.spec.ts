import { interleave, median, ratioSummary } from './interleave.js';
import { summarize } from './latency-summary.js';

describe('benchmark arithmetic', () => {
  it('takes the median of odd and even counts', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('summarises ratios by median, min and max', () => {
    expect(ratioSummary([1.1, 0.9, 1.0])).toEqual({ median: 1.0, min: 0.9, max: 1.1 });
  });

  it('reports nearest-rank percentiles', () => {
    const samples = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(summarize(samples)).toMatchObject({ count: 100, p50: 50, p90: 90, p99: 99, max: 100 });
    expect(summarize(samples).p999).toBeUndefined();
  });

  it('alternates the arms, baseline first', async () => {
    const order: string[] = [];
    await interleave(
      2,
      async () => order.push('A'),
      async () => order.push('B'),
    );
    expect(order).toEqual(['A', 'B', 'A', 'B']);
  });
});
