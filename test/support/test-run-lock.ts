import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { isProcessAlive } from '../../tools/infra/process/is-process-alive.js';
import { pollUntil } from '../../tools/infra/process/poll-until.js';
import { readProcessCommandLine } from '../../tools/infra/process/process-command-line.js';

const WAIT_LIMIT_MS = 15 * 60_000;

/**
 * Integration test runs in one checkout share `.data/test` and fixed ports, and each starts by
 * clearing what an earlier run left there, so a second run would take the first one's servers
 * away. Taking this lock makes a second run wait until the first has finished. A lock left by a run
 * that died (its pid is gone or is no longer a Jest process) is taken over. Returns the release.
 */
export async function acquireTestRunLock(
  lockFile: string,
  log: (line: string) => void,
): Promise<() => void> {
  let announced = false;
  const acquired = await pollUntil(
    async () => {
      if (await tryTake(lockFile)) return true;
      if (!announced) log(`Waiting for the integration test run holding ${lockFile} to finish.`);
      announced = true;
      return false;
    },
    { timeoutMs: WAIT_LIMIT_MS, intervalMs: 500 },
  );
  if (!acquired) {
    throw new Error(`Another integration test run still holds ${lockFile} after 15 minutes.`);
  }
  return releaser(lockFile);
}

/** Takes the lock if it is free (or held by a dead run) without waiting; `undefined` if busy. */
export async function tryAcquireTestRunLock(lockFile: string): Promise<(() => void) | undefined> {
  return (await tryTake(lockFile)) ? releaser(lockFile) : undefined;
}

async function tryTake(lockFile: string): Promise<boolean> {
  if (tryCreate(lockFile)) return true;
  const holder = Number.parseInt(readFileSync(lockFile, 'utf8'), 10);
  const holderIsJest =
    isProcessAlive(holder) && /jest/.test((await readProcessCommandLine(holder)) ?? '');
  if (holderIsJest) return false;
  rmSync(lockFile, { force: true });
  return tryCreate(lockFile);
}

function releaser(lockFile: string): () => void {
  const release = (): void => {
    process.off('exit', release);
    if (readFileSync(lockFile, { encoding: 'utf8', flag: 'a+' }).trim() === String(process.pid)) {
      rmSync(lockFile, { force: true });
    }
  };
  process.on('exit', release);
  return release;
}

function tryCreate(lockFile: string): boolean {
  try {
    writeFileSync(lockFile, `${process.pid}\n`, { flag: 'wx' });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}
