import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** True while a process with this pid exists. */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The pid of the stack currently using `dataDir`, if one is running. */
export function runningStackPid(dataDir: string): number | undefined {
  try {
    const pid = Number(readFileSync(join(dataDir, 'stack.pid'), 'utf8'));
    return Number.isInteger(pid) && isRunning(pid) ? pid : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Two stacks on one data folder would fight over the same database files and ports; refuse the
 * second one with a clear message. Returns a function that releases the lock.
 */
export function ensureSingleStack(dataDir: string): () => void {
  const other = runningStackPid(dataDir);
  if (other !== undefined) {
    console.error(`microshop: a stack is already running on ${dataDir} (pid ${other}).`);
    process.exit(1);
  }
  mkdirSync(dataDir, { recursive: true });
  const lockFile = join(dataDir, 'stack.pid');
  writeFileSync(lockFile, String(process.pid));
  return () => rmSync(lockFile, { force: true });
}
