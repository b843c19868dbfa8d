import { execFile } from 'node:child_process';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { newKafkaClusterId } from './kafka-cluster-id.js';
import type { KafkaDataPaths } from './kafka-data-paths.js';
import { KAFKA_TOOL_JVM_OPTIONS } from './kafka-jvm-options.js';

const execFileAsync = promisify(execFile);

/**
 * Formats the broker's storage as a new single-voter KRaft cluster, unless an earlier start already
 * did: a formatted directory keeps its topics and data across restarts. The cluster id is kept in
 * the data directory, so a format interrupted half-way is redone with the same id. Returns the id.
 */
export async function formatKafkaStorageOnce(options: {
  java: string;
  jarsDir: string;
  paths: KafkaDataPaths;
  log: (line: string) => void;
  env: NodeJS.ProcessEnv;
}): Promise<string> {
  const { java, jarsDir, paths, env } = options;
  const formattedAs = (await readFile(paths.formattedMarker, 'utf8').catch(() => '')).trim();
  if (formattedAs) return formattedAs;

  const savedId = (await readFile(paths.clusterIdFile, 'utf8').catch(() => '')).trim();
  const clusterId = savedId || newKafkaClusterId();
  await writeFile(paths.clusterIdFile, `${clusterId}\n`);
  // No marker means no completed format, so whatever is there holds no data worth keeping.
  await rm(paths.logDirs, { recursive: true, force: true });

  options.log(`Formatting Kafka storage in ${paths.logDirs} (cluster id ${clusterId})`);
  try {
    await execFileAsync(
      java,
      [
        ...KAFKA_TOOL_JVM_OPTIONS,
        `-Dlog4j2.configurationFile=${paths.log4jConfig}`,
        ...['-cp', join(jarsDir, '*')],
        ...['kafka.tools.StorageTool', 'format', '--standalone'],
        ...['-t', clusterId, '-c', paths.serverProperties],
      ],
      { env },
    );
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new Error(`Formatting Kafka storage in ${paths.logDirs} failed:\n${stdout}${stderr}`, {
      cause: error,
    });
  }
  await writeFile(paths.formattedMarker, `${clusterId}\n`);
  return clusterId;
}
