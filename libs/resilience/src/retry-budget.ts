import { SlidingCounts } from './sliding-counts.js';

/**
 * Caps retries at a fraction of the calls made over a sliding window, so that when a dependency
 * fails for everyone, retries add at most that fraction of load instead of multiplying it by the
 * attempt count. A small floor per window keeps retries useful at low traffic, where one lost
 * packet would otherwise exhaust a 10% budget.
 */
export class RetryBudget {
  /** Retries always allowed per window, whatever the traffic. */
  static readonly FLOOR = 10;
  private readonly counts: SlidingCounts<'call' | 'retry'>;

  constructor(
    private readonly ratio: number,
    windowMs: number,
  ) {
    this.counts = new SlidingCounts(windowMs);
  }

  /** A first attempt was made: it earns `ratio` of a retry. */
  recordCall(): void {
    this.counts.add('call');
  }

  /** Takes one retry from the budget; false when it is spent. */
  tryRetry(): boolean {
    const allowed = RetryBudget.FLOOR + this.ratio * this.counts.total('call');
    if (this.counts.total('retry') + 1 > allowed) return false;
    this.counts.add('retry');
    return true;
  }
}
