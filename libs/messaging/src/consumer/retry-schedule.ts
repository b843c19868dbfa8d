/** How often a failing handler is tried before its event becomes a dead letter. */
export const MAX_ATTEMPTS = 5;

/**
 * Exponential backoff with full jitter: 100 ms, 200 ms, 400 ms ... capped at 5 s, each multiplied by
 * a random factor so that many consumers failing together do not retry in lockstep.
 */
export function retryDelayMs(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(100 * 2 ** (attempt - 1), 5_000);
  return Math.round(ceiling * (0.5 + random() / 2));
}
