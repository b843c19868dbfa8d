import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Re-evaluates `probe` until it returns true, or fails after `timeoutMs` with `what` and the last
 * value seen. Tests wait for conditions this way instead of sleeping for a guessed time.
 */
export async function eventually(
  what: string,
  probe: () => Promise<boolean>,
  timeoutMs = 30_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await probe().catch(() => false)) return;
    await sleep(200);
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting until ${what}`);
}

/** The HTTP status of a GET (with `headers`, e.g. a service token), or 0 when nothing answers. */
export async function statusOf(url: string, headers: Record<string, string> = {}): Promise<number> {
  try {
    const response = await fetch(url, { headers, signal: AbortSignal.timeout(3_000) });
    await response.arrayBuffer();
    return response.status;
  } catch {
    return 0;
  }
}
