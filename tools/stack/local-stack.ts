import { join } from 'node:path';
import { ALL_TOPICS, SERVICE_NAMES, SERVICES, type ServiceName } from '#libs/contracts';
import { ensureTopics } from '../infra/kafka/ensure-topics.js';
import { startKafka } from '../infra/kafka/start-kafka.js';
import type { LocalKafka } from '../infra/kafka/local-kafka.js';
import type { LocalPostgres } from '../infra/postgres/local-postgres.js';
import { provisionServiceDatabases } from '../infra/postgres/provision-service-databases.js';
import { serviceDatabaseUrl } from '../infra/postgres/service-database-url.js';
import { startPostgres } from '../infra/postgres/start-postgres.js';
import type { LocalRedis } from '../infra/redis/local-redis.js';
import { startRedis } from '../infra/redis/start-redis.js';
import { appEnvironment, serviceDatabaseFor } from './app-environment.js';
import { type AppProcess, startApp, stopApp } from './app-process.js';
import { colourFor, writePrefixed } from './log-prefixer.js';
import type { StackSettings } from './stack-settings.js';
import { waitUntilReady } from './wait-until-ready.js';

const APP_STOP_GRACE_MS = 12_000;

/**
 * The whole system on one machine without Docker: PostgreSQL and Kafka (embedded unless the
 * environment names servers), then every app as its own process. The integration and end-to-end
 * tests start infrastructure through the same `tools/infra` code.
 */
export class LocalStack {
  private postgres?: LocalPostgres;
  private kafka?: LocalKafka;
  private redis?: LocalRedis;
  private apps: AppProcess[] = [];
  private stopping = false;

  constructor(private readonly settings: StackSettings) {}

  async start(): Promise<void> {
    const { settings } = this;
    const log = (name: string, index: number) => (line: string) =>
      writePrefixed(line, name, colourFor(index));

    // Settle both before deciding, so a server that did start is recorded (and stopped) even when
    // the other failed.
    const [postgresStart, kafkaStart, redisStart] = await Promise.allSettled([
      startPostgres({
        dataDir: join(settings.dataDir, 'postgres'),
        port: settings.postgresPort,
        log: log('postgres', 5),
      }),
      startKafka({
        dataDir: join(settings.dataDir, 'kafka'),
        port: settings.kafkaPort,
        controllerPort: settings.kafkaControllerPort,
        log: log('kafka', 6),
      }),
      startRedis({
        dataDir: join(settings.dataDir, 'redis'),
        port: settings.redisPort,
        log: log('redis', 4),
      }),
    ]);
    if (postgresStart.status === 'fulfilled') this.postgres = postgresStart.value;
    if (kafkaStart.status === 'fulfilled') this.kafka = kafkaStart.value;
    if (redisStart.status === 'fulfilled') this.redis = redisStart.value;
    if (postgresStart.status === 'rejected') throw postgresStart.reason;
    if (kafkaStart.status === 'rejected') throw kafkaStart.reason;
    if (redisStart.status === 'rejected') throw redisStart.reason;
    const postgres = postgresStart.value;
    const kafka = kafkaStart.value;

    const owners = SERVICE_NAMES.filter((name) => SERVICES[name].ownsDatabase);
    await Promise.all([
      provisionServiceDatabases(postgres.admin, owners.map(serviceDatabaseFor)),
      ensureTopics(kafka.brokers, [...ALL_TOPICS]),
    ]);

    const server = { host: postgres.admin.host, port: postgres.admin.port };
    const databaseUrls = Object.fromEntries(
      owners.map((name) => [name, serviceDatabaseUrl(server, serviceDatabaseFor(name))]),
    ) as Partial<Record<ServiceName, string>>;
    const endpoints = {
      ports: settings.ports,
      kafkaBrokers: kafka.brokers,
      databaseUrls,
      redisUrl: redisStart.value.url,
    };

    this.apps = SERVICE_NAMES.map((name, index) =>
      startApp(name, appEnvironment(name, endpoints, join(settings.dataDir, 'keys')), {
        colour: colourFor(index),
        format: settings.logFormat,
      }),
    );
    for (const app of this.apps) void this.reportUnexpectedExit(app);

    await Promise.all(
      SERVICE_NAMES.map((name) =>
        waitUntilReady(this.url(name, '/health/ready'), settings.readyTimeoutMs),
      ),
    );
  }

  /** Stops the apps first (they drain), then the infrastructure this stack started. */
  async stop(): Promise<void> {
    this.stopping = true;
    await Promise.all(this.apps.map((app) => stopApp(app, APP_STOP_GRACE_MS)));
    await Promise.allSettled([this.kafka?.stop(), this.postgres?.stop(), this.redis?.stop()]);
  }

  url(name: ServiceName, path = ''): string {
    return `http://127.0.0.1:${this.settings.ports[name]}${path}`;
  }

  describeInfrastructure(): string[] {
    const pg = this.postgres?.admin;
    return [
      `PostgreSQL  ${pg?.host}:${pg?.port}${this.postgres?.embedded ? ' (embedded)' : ''}`,
      `Kafka       ${this.kafka?.brokers.join(',')}${this.kafka?.embedded ? ' (local broker)' : ''}`,
      `Redis       ${this.redis?.url}${this.redis?.embedded ? ' (local redis-server)' : ''}`,
    ];
  }

  private async reportUnexpectedExit(app: AppProcess): Promise<void> {
    const code = await app.exited;
    if (!this.stopping) {
      writePrefixed(`exited unexpectedly (code ${code}); the others keep running`, app.name, 31);
    }
  }
}
