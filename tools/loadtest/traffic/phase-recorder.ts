import { isSuccess, type RequestOutcome } from './request-outcome.js';

/**
 * Everything one phase saw besides the open loop's own figures: each HTTP request by kind
 * (`listing`, `place-order`...) with its outcome and its own latency, and named counts of what the
 * responses said (`degraded`, `order CONFIRMED`).
 */
export class PhaseRecorder {
  readonly outcomes = new Map<string, Map<RequestOutcome, number>>();
  readonly latenciesMs = new Map<string, number[]>();
  readonly counters = new Map<string, number>();

  request(kind: string, outcome: RequestOutcome, latencyMs: number): void {
    const byOutcome = this.outcomes.get(kind) ?? new Map<RequestOutcome, number>();
    byOutcome.set(outcome, (byOutcome.get(outcome) ?? 0) + 1);
    this.outcomes.set(kind, byOutcome);
    const latencies = this.latenciesMs.get(kind) ?? [];
    latencies.push(latencyMs);
    this.latenciesMs.set(kind, latencies);
  }

  count(name: string, by = 1): void {
    this.counters.set(name, (this.counters.get(name) ?? 0) + by);
  }

  /** Failed requests across all kinds, by status (or `timeout`, `network-error`). */
  errorsByOutcome(): Record<string, number> {
    const errors: Record<string, number> = {};
    for (const byOutcome of this.outcomes.values()) {
      for (const [outcome, n] of byOutcome) {
        if (!isSuccess(outcome)) errors[String(outcome)] = (errors[String(outcome)] ?? 0) + n;
      }
    }
    return errors;
  }
}
