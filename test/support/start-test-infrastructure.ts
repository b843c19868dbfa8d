import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { kafkaDataPaths } from '../../tools/infra/kafka/kafka-data-paths.js';
import { startKafka } from '../../tools/infra/kafka/start-kafka.js';
import { stopOrphanedKafka } from '../../tools/infra/kafka/stop-orphaned-kafka.js';
import { pgConnectionUrl } from '../../tools/infra/postgres/pg-connection-url.js';
import {
  provisionServiceDatabases,
  serviceDatabaseUrl,
} from '../../tools/infra/postgres/provision-service-databases.js';
import type { ServiceDatabase } from '../../tools/infra/postgres/service-database.js';
import { startPostgres } from '../../tools/infra/postgres/start-postgres.js';
import { startRedis } from '../../tools/infra/redis/start-redis.js';
import { stopOrphanedPostgres } from '../../tools/infra/postgres/stop-orphaned-postgres.js';
import { stopTestInfrastructure } from './stop-test-infrastructure.js';
import { type TestInfrastructure, keepTestInfrastructure } from './test-infrastructure.js';
import { acquireTestRunLock, tryAcquireTestRunLock } from './test-run-lock.js';

const TEST_DATABASE: ServiceDatabase = {
  database: 'microshop_test',
  user: 'microshop_test',
  password: 'microshop_test',
};
const POSTGRES_PORT = 55433;
const KAFKA_PORT = 19092;
const REDIS_PORT = 56380;
/**
 * Runs in one checkout (a developer's watch mode beside a full run, say) each take a free slot:
 * their own data folder and ports, 10 apart. Only when every slot is busy does a run wait.
 */
const SLOTS = 4;
// The servers' own output, including the errors tests provoke on purpose, goes to the log file only;
// the console gets the lines that explain a slow or unusual start.
const NEEDS_ATTENTION = /^Fetching |left running by a previous run/;

/**
 * Starts PostgreSQL and Kafka for the integration tests, from clean data directories, through the
 * same tools/infra code as `npm start`, and tells the test workers where they are:
 * TEST_DATABASE_URL, TEST_PG_ADMIN_URL, KAFKA_BROKERS_TEST and REDIS_URL_TEST (a Redis started
 * here too, or the one REDIS_URL names). Servers named by PG* variables or
 * KAFKA_BROKERS are used instead of starting local ones. Everything the servers print goes to
 * `.data/test/infrastructure.log`.
 */
export async function startTestInfrastructure(rootDir: string): Promise<void> {
  const { slot, dataDir, releaseLock } = await takeSlot(rootDir);
  const infrastructure: TestInfrastructure = { releaseLock };
  keepTestInfrastructure(infrastructure);
  try {
    const { admin, brokers, redisUrl } = await startFreshServers(
      dataDir,
      slot * 10,
      infrastructure,
    );
    await provisionServiceDatabases(admin, [TEST_DATABASE]);
    process.env.TEST_DATABASE_URL = serviceDatabaseUrl(admin, TEST_DATABASE);
    process.env.TEST_PG_ADMIN_URL = pgConnectionUrl(admin);
    process.env.KAFKA_BROKERS_TEST = brokers.join(',');
    process.env.REDIS_URL_TEST = redisUrl;
  } catch (error) {
    // Jest skips the global teardown when the setup fails, so clean up here.
    await stopTestInfrastructure(infrastructure).catch(() => undefined);
    throw error;
  }
}

async function takeSlot(rootDir: string) {
  const dataDirOf = (slot: number) => join(rootDir, '.data', slot === 0 ? 'test' : `test-${slot}`);
  for (let slot = 0; slot < SLOTS; slot++) {
    mkdirSync(dataDirOf(slot), { recursive: true });
    const releaseLock = await tryAcquireTestRunLock(join(dataDirOf(slot), 'run.lock'));
    if (releaseLock) return { slot, dataDir: dataDirOf(slot), releaseLock };
  }
  const releaseLock = await acquireTestRunLock(join(dataDirOf(0), 'run.lock'), console.log);
  return { slot: 0, dataDir: dataDirOf(0), releaseLock };
}

/** Starts both servers on wiped data directories, recording each in `started` as soon as it runs. */
async function startFreshServers(dataDir: string, portOffset: number, started: TestInfrastructure) {
  const postgresDir = join(dataDir, 'postgres');
  const kafkaDir = join(dataDir, 'kafka');
  const logFile = join(dataDir, 'infrastructure.log');
  writeFileSync(logFile, '');
  const log = (source: string) => (line: string) => {
    appendFileSync(logFile, `[${source}] ${line}\n`);
    if (NEEDS_ATTENTION.test(line)) console.log(`[${source}] ${line}`);
  };

  // A run killed before its teardown leaves its servers running: stop them before wiping their files.
  await Promise.all([
    stopOrphanedPostgres(postgresDir, log('postgres')),
    stopOrphanedKafka(kafkaDataPaths(kafkaDir), log('kafka')),
  ]);
  await Promise.all([
    rm(postgresDir, { recursive: true, force: true }),
    rm(kafkaDir, { recursive: true, force: true }),
  ]);

  // Wait for both even when one fails, so that the other is recorded and gets stopped too.
  const [postgres, kafka, redis] = await Promise.allSettled([
    startPostgres({
      dataDir: postgresDir,
      port: POSTGRES_PORT + portOffset,
      log: log('postgres'),
    }).then((server) => (started.postgres = server)),
    startKafka({
      dataDir: kafkaDir,
      port: KAFKA_PORT + portOffset,
      controllerPort: KAFKA_PORT + portOffset + 1,
      log: log('kafka'),
    }).then((broker) => (started.kafka = broker)),
    startRedis({
      dataDir: join(dataDir, 'redis'),
      port: REDIS_PORT + portOffset,
      log: log('redis'),
    }).then((server) => (started.redis = server)),
  ]);
  if (postgres.status === 'rejected') throw postgres.reason;
  if (kafka.status === 'rejected') throw kafka.reason;
  if (redis.status === 'rejected') throw redis.reason;
  return {
    admin: postgres.value.admin,
    brokers: kafka.value.brokers,
    redisUrl: redis.value.url,
  };
}
