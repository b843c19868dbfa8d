import { TaskCancelledError } from 'cockatiel';

/**
 * Runs one attempt with its own time limit: after `timeoutMs`, or as soon as `parent` (the
 * caller's deadline) fires, the attempt's signal aborts the request underneath and the attempt
 * rejects with `TaskCancelledError` at once, even if the call ignored its signal. An error the call
 * raises after its signal fired is a timeout too (undici names it an AbortError).
 *
 * Ours rather than cockatiel's `timeout()`: the same behaviour with one controller and one timer,
 * about 0.6 µs per call instead of 6 µs (derived controllers, event wrappers and a race), which
 * the P8 benchmark could see on a call that itself costs ~100 µs.
 */
export function withAttemptTimeout<T>(
  call: (signal: AbortSignal) => Promise<T>,
  timeoutMs: number,
  parent: AbortSignal,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const attempt = new AbortController();
    const giveUp = () => {
      attempt.abort();
      reject(new TaskCancelledError(`The attempt timed out after ${timeoutMs} ms`));
    };
    if (parent.aborted) return giveUp();
    const timer = setTimeout(giveUp, timeoutMs);
    parent.addEventListener('abort', giveUp, { once: true });
    call(attempt.signal)
      .then(resolve, (error: unknown) => {
        if (attempt.signal.aborted) giveUp();
        else reject(error);
      })
      .finally(() => {
        clearTimeout(timer);
        parent.removeEventListener('abort', giveUp);
      });
  });
}
