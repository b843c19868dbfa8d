import { unlink } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { isProcessAlive, processExists } from '../process/is-process-alive.js';
import { pollUntil } from '../process/poll-until.js';
import { readProcessCommandLine } from '../process/process-command-line.js';
import { terminateProcess } from '../process/terminate-process.js';
import { readPostmasterPid } from './read-postmaster-pid.js';

/**
 * Clears what a previous run may have left in `dataDir` so the server can start again:
 * - a postmaster still serving this data directory (its Node parent was killed) is shut down;
 * - a `postmaster.pid` naming a pid that is now another process, or a dead postmaster's zombie
 *   not yet reaped, is removed: PostgreSQL refuses to start while that pid exists at all.
 * A lock file naming a pid that no longer exists is left to PostgreSQL, which then checks that no
 * old backend still holds the shared memory before it reuses the directory.
 */
export async function stopOrphanedPostgres(
  dataDir: string,
  log: (line: string) => void,
): Promise<void> {
  const pid = await readPostmasterPid(dataDir);
  if (pid === undefined) return;
  const pidFile = join(dataDir, 'postmaster.pid');

  if (isProcessAlive(pid)) {
    const commandLine = (await readProcessCommandLine(pid)) ?? '';
    const servesThisDir =
      /\bpostgres\b/.test(commandLine) && commandLine.includes(`-D ${resolve(dataDir)}`);
    if (!servesThisDir) {
      await unlink(pidFile).catch(() => undefined);
      return;
    }
    log(`Stopping PostgreSQL (pid ${pid}) left running by a previous run on ${dataDir}`);
    // SIGINT is PostgreSQL's "fast" shutdown: roll back open transactions, checkpoint, exit.
    await terminateProcess(pid, { signal: 'SIGINT', graceMs: 15_000 });
  }
  // An orphan's zombie lingers until init reaps it, which some container inits do slowly or never.
  if (!(await pollUntil(() => !processExists(pid), { timeoutMs: 3_000 }))) {
    await unlink(pidFile).catch(() => undefined);
  }
}
