/**
 * The time one public request may spend downstream, shared by every call it makes: calls made in
 * parallel share it, a second call made after a first gets what is left. The remaining time
 * travels with each call (`x-request-deadline-ms`) so a service can give up when nobody waits.
 *
 * Its clock is a timer the owner stops with {@link release} once the request is done. Not
 * `AbortSignal.timeout()`, which cannot be stopped: every request's signal would still fire when
 * its budget ran out, seconds after the answer, building a `DOMException` (stack trace included)
 * and dispatching an abort event for nothing. Measured on the proxied path, that was a visible
 * part of the gateway's CPU per request (docs/gateway.md, "Performance").
 */
export class CallDeadline {
  private readonly controller = new AbortController();
  private readonly timer: NodeJS.Timeout;

  private constructor(
    readonly budgetMs: number,
    private readonly endsAt: number,
  ) {
    this.timer = setTimeout(() => this.controller.abort(timeoutReason(budgetMs)), budgetMs);
    // A budget never keeps the process alive on its own (as AbortSignal.timeout's does not).
    this.timer.unref();
  }

  static startingNow(budgetMs: number): CallDeadline {
    return new CallDeadline(budgetMs, performance.now() + budgetMs);
  }

  /** Aborts every call still running when the budget is spent. */
  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** Whole milliseconds left, never negative. */
  remainingMs(): number {
    return Math.max(0, Math.floor(this.endsAt - performance.now()));
  }

  get expired(): boolean {
    return this.controller.signal.aborted;
  }

  /** The request is done with its calls: stop the clock, so the budget never fires for nothing. */
  release(): void {
    clearTimeout(this.timer);
  }
}

/** What `AbortSignal.timeout()` aborts with, so callers can tell a timeout from other aborts. */
function timeoutReason(budgetMs: number): DOMException {
  // "timed out" in the message: UpstreamError.timedOut reads it, to answer 504 rather than 502.
  return new DOMException(`Timed out: the budget of ${budgetMs} ms ran out.`, 'TimeoutError');
}
