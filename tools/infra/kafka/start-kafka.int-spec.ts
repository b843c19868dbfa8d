import { readFile, rm, writeFile } from 'node:fs/promises';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Kafka, logLevel } from 'kafkajs';
import { isProcessAlive } from '../process/is-process-alive.js';
import { ensureTopics } from './ensure-topics.js';
import { kafkaDataPaths } from './kafka-data-paths.js';
import type { LocalKafka } from './local-kafka.js';
import { startKafka } from './start-kafka.js';

// These tests stop and restart brokers, so they run their own rather than the shared test broker.
const dataDir = fileURLToPath(new URL('../../../.data/test/kafka-lifecycle', import.meta.url));
const env = { ...process.env, KAFKA_BROKERS: undefined };
const options = { dataDir, port: 19492, controllerPort: 19493, log: () => undefined, env };

const client = (brokers: string[]) =>
  new Kafka({ clientId: 'start-kafka-spec', brokers, logLevel: logLevel.NOTHING });

async function brokerPid(): Promise<number> {
  return Number.parseInt(await readFile(kafkaDataPaths(dataDir).pidFile, 'utf8'), 10);
}

async function clusterId(brokers: string[]): Promise<string> {
  const admin = client(brokers).admin();
  await admin.connect();
  try {
    return (await admin.describeCluster()).clusterId;
  } finally {
    await admin.disconnect();
  }
}

describe('startKafka', () => {
  const started: LocalKafka[] = [];
  const start = async (): Promise<LocalKafka> => {
    const kafka = await startKafka(options);
    started.push(kafka);
    return kafka;
  };

  beforeAll(() => rm(dataDir, { recursive: true, force: true }));
  afterEach(async () => {
    await Promise.all(started.splice(0).map((kafka) => kafka.stop()));
  });

  it('keeps the cluster, its topics and their messages across a stop and a start', async () => {
    const first = await start();
    expect(first).toMatchObject({ brokers: ['127.0.0.1:19492'], embedded: true });
    await ensureTopics(first.brokers, [{ name: 'kept', partitions: 2 }]);
    const producer = client(first.brokers).producer();
    await producer.connect();
    await producer.send({ topic: 'kept', messages: [{ key: 'k', value: 'still here' }] });
    await producer.disconnect();
    const id = await clusterId(first.brokers);
    const pid = await brokerPid();

    await first.stop();
    expect(isProcessAlive(pid)).toBe(false);

    const second = await start();
    expect(await clusterId(second.brokers)).toBe(id);
    const admin = client(second.brokers).admin();
    await admin.connect();
    const offsets = await admin.fetchTopicOffsets('kept');
    await admin.disconnect();
    expect(offsets.reduce((sum, partition) => sum + Number(partition.high), 0)).toBe(1);
  }, 90_000);

  it('stops a broker that an earlier run left running on the same data directory', async () => {
    await start(); // never stopped, like the broker of a run whose Node process was killed
    const leftover = await brokerPid();

    const second = await start();

    expect(isProcessAlive(leftover)).toBe(false);
    await expect(clusterId(second.brokers)).resolves.toEqual(expect.any(String));
  }, 90_000);

  it("fails with the broker log's errors when the broker exits during start-up", async () => {
    // A data directory formatted for another node: Kafka refuses to start on it.
    const metaProperties = join(kafkaDataPaths(dataDir).logDirs, 'meta.properties');
    const meta = await readFile(metaProperties, 'utf8');
    await writeFile(metaProperties, meta.replace(/^node\.id=.*$/m, 'node.id=7'));

    await expect(startKafka(options)).rejects.toThrow(
      /exited during start-up[\s\S]*broker\.log[\s\S]*Stored node id 7 doesn't match/,
    );
    await writeFile(metaProperties, meta);
  }, 90_000);

  it('refuses to start when another process already listens on its port', async () => {
    const squatter = createServer().listen(options.port, '127.0.0.1');
    await once(squatter, 'listening');
    try {
      await expect(startKafka(options)).rejects.toThrow(/127\.0\.0\.1:19492 is already in use/);
    } finally {
      squatter.close();
    }
  });

  it('says in one line what to install when Java is missing', async () => {
    const withoutJava = { ...options, env: { PATH: '/nonexistent' } };

    await expect(startKafka(withoutJava)).rejects.toThrow(
      /^`java` was not found on PATH\. .*Java 17.*KAFKA_BROKERS[^\n]*$/,
    );
  });

  it('uses the brokers named by KAFKA_BROKERS and starts none', async () => {
    const external = await startKafka({
      ...options,
      env: { KAFKA_BROKERS: 'kafka-1:9092, kafka-2:9092' },
    });

    expect(external).toMatchObject({ brokers: ['kafka-1:9092', 'kafka-2:9092'], embedded: false });
    await expect(external.stop()).resolves.toBeUndefined();
  });
});
