import { join, resolve } from 'node:path';
import pg from 'pg';
import { ensureTopics } from '../../tools/infra/kafka/ensure-topics.js';
import { startKafka } from '../../tools/infra/kafka/start-kafka.js';
import { pgConnectionUrl } from '../../tools/infra/postgres/pg-connection-url.js';
import { startPostgres } from '../../tools/infra/postgres/start-postgres.js';

export interface BenchInfrastructure {
  /** A fresh database for this benchmark on the bench server. */
  databaseUrl: string;
  brokers: string[];
  stop(): Promise<void>;
}

/**
 * The same PostgreSQL and Kafka that `npm start` runs (embedded unless PG* / KAFKA_BROKERS name
 * servers), on their own ports and data folder so a benchmark never disturbs a running stack.
 */
export async function startBenchInfrastructure(
  name: string,
  topics: { name: string; partitions: number }[],
): Promise<BenchInfrastructure> {
  const dataDir = resolve('.data/bench');
  const quiet = () => undefined;
  const [postgres, kafka] = await Promise.all([
    startPostgres({ dataDir: join(dataDir, 'postgres'), port: 55450, log: quiet }),
    startKafka({ dataDir: join(dataDir, 'kafka'), port: 19692, controllerPort: 19693, log: quiet }),
  ]);
  await ensureTopics(kafka.brokers, topics);

  const adminUrl = pgConnectionUrl(postgres.admin);
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const databaseUrl = new URL(adminUrl);
  databaseUrl.pathname = `/${name}`;

  return {
    databaseUrl: databaseUrl.toString(),
    brokers: kafka.brokers,
    stop: async () => {
      await Promise.allSettled([kafka.stop(), postgres.stop()]);
    },
  };
}
