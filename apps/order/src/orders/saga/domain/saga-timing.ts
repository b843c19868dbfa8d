/** How long a saga waits, and how often it tries. */
export interface SagaTiming {
  /** How long a step waits for its reply before it is resent (or, past the deadline, given up). */
  readonly stepTimeoutMs: number;
  /** From the start: a saga that has not reached the pivot by then compensates (ORDER.SAGA_TIMEOUT). */
  readonly deadlineMs: number;
  /** Attempts of one compensation before the saga parks in COMPENSATION_FAILED. */
  readonly compensationMaxAttempts: number;
}

/** Retries wait at most this many step timeouts: a participant down for long is polled, not hammered less and less. */
const MAX_BACKOFF_FACTOR = 32;

/**
 * How long attempt `attempt` (1-based) of a retried step waits for its reply: the step timeout,
 * doubled on every attempt (exponential backoff), capped at 32 step timeouts.
 */
export function retryDelayMs(attempt: number, timing: SagaTiming): number {
  const factor = Math.min(2 ** Math.max(attempt - 1, 0), MAX_BACKOFF_FACTOR);
  return timing.stepTimeoutMs * factor;
}

/**
 * How long a saga can take to end at the latest once every reply is lost: the deadline, then
 * every attempt of every compensation (at most two of them) waiting its full backoff.
 */
export function worstCaseDurationMs(timing: SagaTiming): number {
  let compensation = 0;
  for (let attempt = 1; attempt <= timing.compensationMaxAttempts; attempt++) {
    compensation += retryDelayMs(attempt, timing);
  }
  return timing.deadlineMs + 2 * compensation;
}
