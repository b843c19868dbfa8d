import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { spawnServerProcess } from '../process/spawn-server-process.js';
import type { KafkaDataPaths } from './kafka-data-paths.js';
import { KAFKA_JVM_OPTIONS } from './kafka-jvm-options.js';

const STOP_GRACE_MS = 15_000;

/** A running `kafka.Kafka` JVM that we started. */
export interface KafkaBrokerProcess {
  isRunning(): boolean;
  /** The last lines the JVM printed (WARN and above, or JVM errors before logging started). */
  recentOutput(): string;
  /** SIGTERM (a controlled shutdown), SIGKILL after 15 s; resolves once the JVM has exited. */
  stop(): Promise<void>;
}

/**
 * Starts the broker JVM from the cached jars with this data directory's configuration, in its own
 * process group (a terminal's Ctrl-C is the program's to handle, see spawnServerProcess), records
 * its pid for the next start's orphan check, and makes sure it does not outlive this process's exit.
 */
export async function spawnKafkaBroker(options: {
  java: string;
  jarsDir: string;
  paths: KafkaDataPaths;
  log: (line: string) => void;
  env: NodeJS.ProcessEnv;
}): Promise<KafkaBrokerProcess> {
  const { paths } = options;
  const broker = spawnServerProcess({
    command: options.java,
    args: [
      ...KAFKA_JVM_OPTIONS,
      `-Dlog4j2.configurationFile=${paths.log4jConfig}`,
      ...['-cp', join(options.jarsDir, '*')],
      ...['kafka.Kafka', paths.serverProperties],
    ],
    cwd: paths.dir,
    env: options.env,
    log: options.log,
    stopSignal: 'SIGTERM',
    stopGraceMs: STOP_GRACE_MS,
  });
  try {
    if (broker.pid !== undefined) await writeFile(paths.pidFile, `${broker.pid}\n`);
  } catch (error) {
    await broker.stop();
    throw error;
  }

  let stopping: Promise<void> | undefined;
  return {
    isRunning: () => broker.isRunning(),
    recentOutput: () => broker.recentOutput(),
    stop: () => {
      stopping ??= (async () => {
        await broker.stop();
        // A later start may have replaced this broker (see stopOrphanedKafka): keep its pid file.
        const recorded = await readFile(paths.pidFile, 'utf8').catch(() => '');
        if (recorded.trim() === String(broker.pid)) await rm(paths.pidFile, { force: true });
      })();
      return stopping;
    },
  };
}
