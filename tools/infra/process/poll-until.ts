/**
 * Polls `condition` until it returns true or `timeoutMs` has passed. Returns whether the condition
 * was met, so each caller can phrase its own timeout error with what it knows.
 */
export async function pollUntil(
  condition: () => boolean | Promise<boolean>,
  options: { timeoutMs: number; intervalMs?: number },
): Promise<boolean> {
  const deadline = Date.now() + options.timeoutMs;
  const intervalMs = options.intervalMs ?? 100;
  for (;;) {
    if (await condition()) return true;
    if (Date.now() >= deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
