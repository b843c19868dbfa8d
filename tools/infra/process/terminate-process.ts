import { isProcessAlive } from './is-process-alive.js';
import { pollUntil } from './poll-until.js';

/**
 * Asks a process (not necessarily our child) to stop with `signal`, waits up to `graceMs`, then
 * kills it and waits until it is gone. Resolves once the pid no longer names a live process.
 */
export async function terminateProcess(
  pid: number,
  options: { signal: NodeJS.Signals; graceMs: number },
): Promise<void> {
  if (!sendSignal(pid, options.signal)) return;
  if (await pollUntil(() => !isProcessAlive(pid), { timeoutMs: options.graceMs })) return;
  sendSignal(pid, 'SIGKILL');
  if (!(await pollUntil(() => !isProcessAlive(pid), { timeoutMs: 5_000 }))) {
    throw new Error(`Process ${pid} is still alive after SIGKILL.`);
  }
}

function sendSignal(pid: number, signal: NodeJS.Signals): boolean {
  try {
    process.kill(pid, signal);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ESRCH') return false;
    throw error;
  }
}
