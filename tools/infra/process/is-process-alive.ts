import { readFileSync } from 'node:fs';

/**
 * Whether a process with this pid exists and is not a zombie. Zombies count as gone: a killed
 * orphan stays a zombie in containers whose PID 1 does not reap, and it holds no resources.
 */
export function isProcessAlive(pid: number): boolean {
  return processExists(pid) && !isZombie(pid);
}

/**
 * Whether the pid names any process, zombies included: PostgreSQL, for one, refuses to reuse a
 * data directory while the pid in its lock file exists at all.
 */
export function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function isZombie(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The state follows the parenthesised command name, which may itself contain spaces.
    return stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z');
  } catch {
    return false; // no /proc (macOS) or the process just went away
  }
}
