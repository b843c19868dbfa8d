import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

/**
 * The command line of a running process as one space-separated string, or undefined when the
 * process does not exist. Used to tell our own leftover servers from unrelated processes that
 * happen to reuse a pid recorded in a pid file.
 */
export async function readProcessCommandLine(pid: number): Promise<string | undefined> {
  try {
    const raw = await readFile(`/proc/${pid}/cmdline`, 'utf8');
    return raw.split('\0').filter(Boolean).join(' ');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' && process.platform === 'linux') {
      return undefined;
    }
  }
  // No procfs (macOS): ask ps.
  try {
    const { stdout } = await execFileAsync('ps', ['-o', 'args=', '-p', String(pid)]);
    return stdout.trim() || undefined;
  } catch {
    return undefined;
  }
}
