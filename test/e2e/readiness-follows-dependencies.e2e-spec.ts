import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { ALL_TOPICS } from '#libs/contracts';
import { ensureTopics } from '../../tools/infra/kafka/ensure-topics.js';
import type { LocalKafka } from '../../tools/infra/kafka/local-kafka.js';
import { startKafka } from '../../tools/infra/kafka/start-kafka.js';
import type { LocalPostgres } from '../../tools/infra/postgres/local-postgres.js';
import {
  provisionServiceDatabases,
  serviceDatabaseUrl,
} from '../../tools/infra/postgres/provision-service-databases.js';
import { startPostgres } from '../../tools/infra/postgres/start-postgres.js';
import { serviceDatabaseFor } from '../../tools/stack/app-environment.js';
import { type AppProcess, startApp, stopApp } from '../../tools/stack/app-process.js';
import { eventually, statusOf } from '../support/poll.js';

/**
 * Readiness follows the dependencies and liveness does not: when the database or the broker goes
 * away the app is taken out of rotation (503) but not restarted (live stays 200), and it becomes
 * ready again by itself when the dependency returns.
 */
const dataDir = resolve('.data/e2e-readiness');
const postgresOptions = { dataDir: `${dataDir}/postgres`, port: 55436, log: () => undefined };
const kafkaOptions = {
  dataDir: `${dataDir}/kafka`,
  port: 19392,
  controllerPort: 19393,
  log: () => undefined,
};
const appPort = 13901;
const ready = `http://127.0.0.1:${appPort}/health/ready`;
const live = `http://127.0.0.1:${appPort}/health/live`;

describe('product readiness while its dependencies come and go', () => {
  let postgres: LocalPostgres;
  let kafka: LocalKafka;
  let product: AppProcess;

  beforeAll(async () => {
    // This test stops and restarts the servers it starts, so it must not use servers from the env.
    for (const name of [
      'PGHOST',
      'PGPORT',
      'PGUSER',
      'PGPASSWORD',
      'PGDATABASE',
      'KAFKA_BROKERS',
    ]) {
      delete process.env[name];
    }
    rmSync(dataDir, { recursive: true, force: true });
    [postgres, kafka] = await Promise.all([
      startPostgres(postgresOptions),
      startKafka(kafkaOptions),
    ]);
    await provisionServiceDatabases(postgres.admin, [serviceDatabaseFor('product')]);
    await ensureTopics(kafka.brokers, [...ALL_TOPICS]);
    const server = { host: postgres.admin.host, port: postgres.admin.port };
    product = startApp(
      'product',
      {
        PORT: String(appPort),
        HOST: '127.0.0.1',
        DATABASE_URL: serviceDatabaseUrl(server, serviceDatabaseFor('product')),
        KAFKA_BROKERS: kafka.brokers.join(','),
      },
      { colour: 36, format: 'json' },
    );
    await eventually('product is ready', async () => (await statusOf(ready)) === 200, 60_000);
  }, 180_000);

  afterAll(async () => {
    if (product) await stopApp(product, 12_000);
    await Promise.allSettled([kafka?.stop(), postgres?.stop()]);
  }, 60_000);

  it('turns not-ready while the broker is down and ready again when it returns', async () => {
    await kafka.stop();
    await eventually('readiness reports 503', async () => (await statusOf(ready)) === 503);
    expect(await statusOf(live)).toBe(200);

    kafka = await startKafka(kafkaOptions);
    await eventually('readiness recovers', async () => (await statusOf(ready)) === 200, 60_000);
  }, 120_000);

  it('turns not-ready while the database is down and ready again when it returns', async () => {
    await postgres.stop();
    await eventually('readiness reports 503', async () => (await statusOf(ready)) === 503);
    expect(await statusOf(live)).toBe(200);

    postgres = await startPostgres(postgresOptions);
    await eventually('readiness recovers', async () => (await statusOf(ready)) === 200, 60_000);
  }, 120_000);

  it('names the failing dependency in the readiness report', async () => {
    await kafka.stop();
    await eventually('readiness reports 503', async () => (await statusOf(ready)) === 503);
    const report = (await (await fetch(ready)).json()) as { error: Record<string, unknown> };
    expect(Object.keys(report.error)).toEqual(['kafka']);
    kafka = await startKafka(kafkaOptions);
    await eventually('readiness recovers', async () => (await statusOf(ready)) === 200, 60_000);
  }, 120_000);
});
