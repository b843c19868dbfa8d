import type { TestInfrastructure } from './test-infrastructure.js';

/**
 * Stops whichever servers were started, both even if one fails, releases the run lock, then
 * reports any failure.
 */
export async function stopTestInfrastructure({
  postgres,
  kafka,
  redis,
  releaseLock,
}: TestInfrastructure): Promise<void> {
  const results = await Promise.allSettled([kafka?.stop(), postgres?.stop(), redis?.stop()]);
  releaseLock?.();
  const failures = results.flatMap((result) =>
    result.status === 'rejected' ? [result.reason] : [],
  );
  if (failures.length > 0) {
    throw new AggregateError(failures, 'Stopping the test infrastructure failed.');
  }
}
