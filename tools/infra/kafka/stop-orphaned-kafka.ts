import { readFile, rm } from 'node:fs/promises';
import { isProcessAlive } from '../process/is-process-alive.js';
import { readProcessCommandLine } from '../process/process-command-line.js';
import { terminateProcess } from '../process/terminate-process.js';
import type { KafkaDataPaths } from './kafka-data-paths.js';

/**
 * Stops a broker that a previous run started on this data directory and never stopped (its Node
 * parent was killed), recognised by the pid file and by its command line naming this directory's
 * `server.properties`, so an unrelated process that reused the pid is left alone.
 */
export async function stopOrphanedKafka(
  paths: KafkaDataPaths,
  log: (line: string) => void,
): Promise<void> {
  const pid = Number.parseInt(await readFile(paths.pidFile, 'utf8').catch(() => ''), 10);
  if (Number.isInteger(pid) && pid > 0 && isProcessAlive(pid)) {
    const commandLine = (await readProcessCommandLine(pid)) ?? '';
    if (commandLine.includes('kafka.Kafka') && commandLine.includes(paths.serverProperties)) {
      log(`Stopping the Kafka broker (pid ${pid}) left running by a previous run in ${paths.dir}`);
      await terminateProcess(pid, { signal: 'SIGTERM', graceMs: 15_000 });
    }
  }
  await rm(paths.pidFile, { force: true });
}
