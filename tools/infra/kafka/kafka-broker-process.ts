import { spawn } from 'node:child_process';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { LineForwarder } from '../process/line-forwarder.js';
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
 * Starts the broker JVM from the cached jars with this data directory's configuration, records its
 * pid for the next start's orphan check, and makes sure it does not outlive this process's exit.
 */
export async function spawnKafkaBroker(options: {
  java: string;
  jarsDir: string;
  paths: KafkaDataPaths;
  log: (line: string) => void;
  env: NodeJS.ProcessEnv;
}): Promise<KafkaBrokerProcess> {
  const { paths } = options;
  const output = new LineForwarder(options.log);
  const child = spawn(
    options.java,
    [
      ...KAFKA_JVM_OPTIONS,
      `-Dlog4j2.configurationFile=${paths.log4jConfig}`,
      ...['-cp', join(options.jarsDir, '*')],
      ...['kafka.Kafka', paths.serverProperties],
    ],
    { cwd: paths.dir, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  child.stdout.on('data', (chunk: Buffer) => output.write(chunk));
  child.stderr.on('data', (chunk: Buffer) => output.write(chunk));

  let running = true;
  const exited = new Promise<void>((resolve) => {
    const markExited = (): void => {
      running = false;
      output.flush();
      resolve();
    };
    // 'close' rather than 'exit': by then the output pipes are drained as well.
    child.once('close', markExited);
    child.once('error', (error) => {
      output.write(`${error.message}\n`);
      // A process that could not be spawned at all may never report 'close'.
      if (child.pid === undefined) markExited();
    });
  });

  // exit handlers must be synchronous: a signal is all we can send, the JVM shuts down by itself.
  const stopOnExit = (): void => {
    child.kill('SIGTERM');
  };
  process.on('exit', stopOnExit);
  if (child.pid !== undefined) await writeFile(paths.pidFile, `${child.pid}\n`);

  let stopping: Promise<void> | undefined;
  return {
    isRunning: () => running,
    recentOutput: () => output.recentLines(),
    stop: () => {
      stopping ??= (async () => {
        process.off('exit', stopOnExit);
        if (running) {
          child.kill('SIGTERM');
          let timer: NodeJS.Timeout | undefined;
          const gaveUp = new Promise<'gave up'>((resolve) => {
            timer = setTimeout(() => resolve('gave up'), STOP_GRACE_MS);
          });
          if ((await Promise.race([exited, gaveUp])) === 'gave up') child.kill('SIGKILL');
          clearTimeout(timer);
          await exited;
        }
        // A later start may have replaced this broker (see stopOrphanedKafka): keep its pid file.
        const recorded = await readFile(paths.pidFile, 'utf8').catch(() => '');
        if (recorded.trim() === String(child.pid)) await rm(paths.pidFile, { force: true });
      })();
      return stopping;
    },
  };
}
