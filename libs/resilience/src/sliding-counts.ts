/**
 * Counts of named events over the last `windowMs`, kept in ten buckets that rotate as time passes,
 * so old events fall out a tenth of the window at a time and a total costs ten additions. Time is
 * `Date.now()`, so fake timers drive it in tests.
 */
export class SlidingCounts<Name extends string> {
  private static readonly BUCKETS = 10;
  private readonly bucketMs: number;
  private readonly buckets: { startedAt: number; counts: Partial<Record<Name, number>> }[] = [];

  constructor(windowMs: number) {
    this.bucketMs = Math.max(1, Math.ceil(windowMs / SlidingCounts.BUCKETS));
  }

  add(name: Name, count = 1): void {
    const bucket = this.currentBucket();
    bucket.counts[name] = (bucket.counts[name] ?? 0) + count;
  }

  /** How many `name` events happened within the window. */
  total(name: Name): number {
    this.dropExpired();
    return this.buckets.reduce((sum, bucket) => sum + (bucket.counts[name] ?? 0), 0);
  }

  reset(): void {
    this.buckets.length = 0;
  }

  private currentBucket() {
    const now = Date.now();
    const startedAt = now - (now % this.bucketMs);
    const last = this.buckets.at(-1);
    if (last?.startedAt === startedAt) return last;
    this.dropExpired();
    const bucket = { startedAt, counts: {} as Partial<Record<Name, number>> };
    this.buckets.push(bucket);
    return bucket;
  }

  private dropExpired(): void {
    const oldestKept = Date.now() - this.bucketMs * SlidingCounts.BUCKETS;
    while (this.buckets.length > 0 && this.buckets[0]!.startedAt <= oldestKept) {
      this.buckets.shift();
    }
  }
}
