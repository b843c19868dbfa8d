import { mkdir, stat, writeFile } from 'node:fs/promises';
import { assertPortFree } from '../process/assert-port-free.js';
import { pollUntil } from '../process/poll-until.js';
import { brokerFailureDetails } from './broker-failure-details.js';
import { fetchKafkaJars } from './fetch-kafka-jars.js';
import { formatKafkaStorageOnce } from './format-kafka-storage.js';
import { spawnKafkaBroker } from './kafka-broker-process.js';
import { kafkaClusterIdOf } from './kafka-cluster-id-of.js';
import { kafkaDataPaths } from './kafka-data-paths.js';
import { kafkaLog4jConfig } from './kafka-log4j-config.js';
import { kafkaServerProperties } from './kafka-server-properties.js';
import type { LocalKafka } from './local-kafka.js';
import { requireJava } from './require-java.js';
import { stopOrphanedKafka } from './stop-orphaned-kafka.js';

const HOST = '127.0.0.1';
const START_TIMEOUT_MS = 60_000;

/**
 * Runs a single-node KRaft broker from Apache's jars with its data in `dataDir`, formatting the
 * storage on first use and reusing it afterwards, and resolves once the broker answers as the
 * cluster formatted there.
 */
export async function startLocalKafkaBroker(options: {
  dataDir: string;
  port: number;
  controllerPort: number;
  log: (line: string) => void;
  env: NodeJS.ProcessEnv;
}): Promise<LocalKafka> {
  const { log, env } = options;
  const java = requireJava(env);
  const jarsDir = await fetchKafkaJars(log, env);
  const paths = kafkaDataPaths(options.dataDir);
  await mkdir(paths.dir, { recursive: true });
  await stopOrphanedKafka(paths, log);
  await assertPortFree(HOST, options.port, 'Kafka');
  await assertPortFree(HOST, options.controllerPort, 'Kafka controller');

  await writeFile(paths.serverProperties, kafkaServerProperties({ ...options, ...paths }));
  await writeFile(paths.log4jConfig, kafkaLog4jConfig(paths.brokerLog));
  const clusterId = await formatKafkaStorageOnce({ java, jarsDir, paths, log, env });

  const logSizeBefore = await stat(paths.brokerLog).then(
    (file) => file.size,
    () => 0,
  );
  const broker = await spawnKafkaBroker({ java, jarsDir, paths, log, env });
  const brokers = [`${HOST}:${options.port}`];
  // Checking the cluster id tells our broker apart from any other that answers on this address.
  let ready = false;
  await pollUntil(
    async () => {
      ready = broker.isRunning() && (await kafkaClusterIdOf(brokers)) === clusterId;
      return ready || !broker.isRunning();
    },
    { timeoutMs: START_TIMEOUT_MS, intervalMs: 250 },
  );
  if (ready) return { brokers, embedded: true, stop: () => broker.stop() };

  const failure = broker.isRunning()
    ? `did not answer on ${brokers[0]} within ${START_TIMEOUT_MS / 1000} s`
    : 'exited during start-up';
  await broker.stop();
  const details = await brokerFailureDetails(paths.brokerLog, logSizeBefore, broker.recentOutput());
  throw new Error(`The local Kafka broker ${failure}. ${details}`);
}
