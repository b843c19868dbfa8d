import { performance } from 'node:perf_hooks';

/**
 * The time one public request may spend downstream, shared by every call it makes: calls made in
 * parallel share it, a second call made after a first gets what is left. The remaining time
 * travels with each call (`x-request-deadline-ms`) so a service can give up when nobody waits.
 */
export class CallDeadline {
  private constructor(
    readonly budgetMs: number,
    private readonly endsAt: number,
    /** Aborts every call still running when the budget is spent. */
    readonly signal: AbortSignal,
  ) {}

  static startingNow(budgetMs: number): CallDeadline {
    return new CallDeadline(budgetMs, performance.now() + budgetMs, AbortSignal.timeout(budgetMs));
  }

  /** Whole milliseconds left, never negative. */
  remainingMs(): number {
    return Math.max(0, Math.floor(this.endsAt - performance.now()));
  }

  get expired(): boolean {
    return this.signal.aborted;
  }
}
