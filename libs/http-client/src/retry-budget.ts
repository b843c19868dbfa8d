/**
 * Caps retries at a share of the calls a client makes, so that a callee under pressure never sees
 * its load multiplied by retries (a retry storm). Each first attempt deposits `ratio` of a token,
 * each retry withdraws a whole one; `minPerSecond` tokens a second are granted besides, so a
 * client that calls rarely can still retry. Deposits stop accruing at `ratio * 100` tokens.
 */
export class RetryBudget {
  private tokens: number;
  private lastRefill: number;
  private readonly cap: number;

  constructor(
    private readonly ratio = 0.2,
    private readonly minPerSecond = 5,
    private readonly now: () => number = Date.now,
  ) {
    this.cap = Math.max(ratio * 100, minPerSecond);
    this.tokens = minPerSecond;
    this.lastRefill = now();
  }

  /** A first attempt was made. */
  deposit(): void {
    this.refill();
    this.tokens = Math.min(this.cap, this.tokens + this.ratio);
  }

  /** Takes one token for a retry; false when the budget is spent (the call fails instead). */
  tryWithdraw(): boolean {
    this.refill();
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }

  private refill(): void {
    const now = this.now();
    const seconds = (now - this.lastRefill) / 1000;
    this.lastRefill = now;
    this.tokens = Math.min(this.cap, this.tokens + seconds * this.minPerSecond);
  }
}
