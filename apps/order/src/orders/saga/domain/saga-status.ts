/**
 * Where a placement saga stands (the order has its own, coarser status).
 *
 * - RUNNING: forward steps before the pivot; a failure or a timeout compensates.
 * - COMMITTING: past the pivot (the order is CONFIRMED); the stock commit is retried until it
 *   lands, never undone.
 * - COMPENSATING: giving back what the order held, newest first, retrying with backoff.
 * - COMPENSATION_FAILED: a compensation got no reply after every attempt; parked until an admin
 *   retries it (or its reply arrives after all).
 * - COMPLETED, CANCELLED: over.
 */
export type SagaStatus =
  'RUNNING' | 'COMMITTING' | 'COMPENSATING' | 'COMPENSATION_FAILED' | 'COMPLETED' | 'CANCELLED';

export const SAGA_STATUSES: readonly SagaStatus[] = [
  'RUNNING',
  'COMMITTING',
  'COMPENSATING',
  'COMPENSATION_FAILED',
  'COMPLETED',
  'CANCELLED',
];

/** The saga is over: nothing it receives changes it any more. */
export function isFinished(status: SagaStatus): boolean {
  return status === 'COMPLETED' || status === 'CANCELLED';
}
