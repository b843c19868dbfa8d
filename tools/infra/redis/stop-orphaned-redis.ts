import { readFile, rm } from 'node:fs/promises';
import { isProcessAlive } from '../process/is-process-alive.js';
import { readProcessCommandLine } from '../process/process-command-line.js';
import { terminateProcess } from '../process/terminate-process.js';

/**
 * Stops a redis-server that a previous run started with this pid file and never stopped,
 * recognised by its command line naming `redis-server` and the same port, so an unrelated process
 * that reused the pid is left alone.
 */
export async function stopOrphanedRedis(
  pidFile: string,
  port: number,
  log: (line: string) => void,
): Promise<void> {
  const pid = Number.parseInt(await readFile(pidFile, 'utf8').catch(() => ''), 10);
  if (Number.isInteger(pid) && pid > 0 && isProcessAlive(pid)) {
    const commandLine = (await readProcessCommandLine(pid)) ?? '';
    if (commandLine.includes('redis-server') && commandLine.includes(`:${port}`)) {
      log(`Stopping the redis-server (pid ${pid}) left running by a previous run on port ${port}`);
      await terminateProcess(pid, { signal: 'SIGTERM', graceMs: 10_000 });
    }
  }
  await rm(pidFile, { force: true });
}
