/** One client's counts in its current one-second window and its current ten-second burst window. */
interface ClientWindows {
  secondEndsAt: number;
  usedThisSecond: number;
  burstEndsAt: number;
  usedFromBurst: number;
}

/** What the limiter decided for one request, and what the `RateLimit-*` headers say about it. */
export interface QuotaDecision {
  allowed: boolean;
  /** Requests left in the current one-second window. */
  remaining: number;
  /** Milliseconds until the one-second window starts again (when a refused client may retry). */
  resetMs: number;
}

const SECOND_MS = 1_000;
export const BURST_WINDOW_MS = 10_000;

/**
 * Counts requests per client in memory: `perSecond` in each one-second window, then up to `burst`
 * more per ten-second window once a second's allowance is spent. Windows start at a client's first
 * request. A decision is a map lookup and a few additions, synchronous: it runs on every public
 * request, so it must cost next to nothing (docs/adr/0005-edge-rate-limit-in-memory.md). Clients
 * whose windows have all ended are forgotten every ten seconds, so memory follows the clients of
 * the last few seconds, not every client ever seen.
 */
export class ClientQuotas {
  private readonly clients = new Map<string, ClientWindows>();
  private nextSweepAt: number;

  constructor(
    private readonly perSecond: number,
    private readonly burst: number,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.nextSweepAt = this.now() + BURST_WINDOW_MS;
  }

  take(client: string): QuotaDecision {
    const now = this.now();
    if (now >= this.nextSweepAt) this.forgetIdleClients(now);
    let windows = this.clients.get(client);
    if (!windows) {
      windows = { secondEndsAt: 0, usedThisSecond: 0, burstEndsAt: 0, usedFromBurst: 0 };
      this.clients.set(client, windows);
    }
    if (now >= windows.secondEndsAt) {
      windows.secondEndsAt = now + SECOND_MS;
      windows.usedThisSecond = 0;
    }
    const resetMs = windows.secondEndsAt - now;
    if (windows.usedThisSecond < this.perSecond) {
      windows.usedThisSecond++;
      return { allowed: true, remaining: this.perSecond - windows.usedThisSecond, resetMs };
    }
    if (now >= windows.burstEndsAt) {
      windows.burstEndsAt = now + BURST_WINDOW_MS;
      windows.usedFromBurst = 0;
    }
    if (windows.usedFromBurst < this.burst) {
      windows.usedFromBurst++;
      return { allowed: true, remaining: 0, resetMs };
    }
    return { allowed: false, remaining: 0, resetMs };
  }

  /** How many clients are remembered (for tests). */
  get size(): number {
    return this.clients.size;
  }

  private forgetIdleClients(now: number): void {
    for (const [client, windows] of this.clients) {
      if (now >= windows.secondEndsAt && now >= windows.burstEndsAt) this.clients.delete(client);
    }
    this.nextSweepAt = now + BURST_WINDOW_MS;
  }
}
