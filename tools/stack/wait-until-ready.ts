import { setTimeout as sleep } from 'node:timers/promises';

/** Polls `url` until it answers 200, or throws after `timeoutMs` saying what it last saw. */
export async function waitUntilReady(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastSeen = 'no answer';
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      if (response.status === 200) return;
      lastSeen = `${response.status} ${await response.text()}`;
    } catch (error) {
      lastSeen = (error as Error).message;
    }
    await sleep(250);
  }
  throw new Error(`${url} not ready after ${timeoutMs} ms (last: ${lastSeen})`);
}
