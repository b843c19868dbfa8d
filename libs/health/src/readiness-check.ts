/**
 * One dependency a service needs before it can serve traffic (its database, the Kafka broker).
 * `check` resolves when the dependency answers and rejects, with a reason, when it does not; it
 * should stop early when `signal` aborts.
 */
export interface ReadinessCheck {
  readonly name: string;
  check(signal: AbortSignal): Promise<void>;
}
