import type { Fallback, Served } from './call-policy.js';
import type { PolicyObserver } from './policy-observer.js';

/**
 * What `executeOrFallBack` means for every {@link CallPolicy}: the value of `execute`, or on any
 * failure the value `fallback` picks for that error, with its source reported to the metrics.
 */
export async function serveOrFallBack<T>(
  execute: () => Promise<T>,
  fallback: (error: unknown) => Fallback<T> | Promise<Fallback<T>>,
  observer: PolicyObserver,
): Promise<Served<T>> {
  try {
    return { value: await execute() };
  } catch (error) {
    const { source, value } = await fallback(error);
    observer.fellBack(source);
    return { value, fellBack: { source, error } };
  }
}
