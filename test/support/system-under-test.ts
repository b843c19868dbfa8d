import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ALL_TOPICS, SERVICES, type ServiceName } from '#libs/contracts';
import { ServiceTokenSigner } from '#libs/service-identity';
import { ensureTopics } from '../../tools/infra/kafka/ensure-topics.js';
import type { LocalKafka } from '../../tools/infra/kafka/local-kafka.js';
import { startKafka } from '../../tools/infra/kafka/start-kafka.js';
import type { LocalPostgres } from '../../tools/infra/postgres/local-postgres.js';
import { provisionServiceDatabases } from '../../tools/infra/postgres/provision-service-databases.js';
import { serviceDatabaseUrl } from '../../tools/infra/postgres/service-database-url.js';
import { startPostgres } from '../../tools/infra/postgres/start-postgres.js';
import { appEnvironment, serviceDatabaseFor } from '../../tools/stack/app-environment.js';
import { type AppProcess, startApp, stopApp } from '../../tools/stack/app-process.js';
import { localServiceKeys } from '../../tools/token/local-service-keys.js';
import { eventually, statusOf } from './poll.js';

export interface SystemOptions {
  /** Names the data folder (`.data/e2e-<name>`), wiped at start. */
  name: string;
  /** The gateway's port; the services follow it as in `npm start`. */
  portBase: number;
  postgresPort: number;
  kafkaPort: number;
}

const INFRA_ENV = ['PGHOST', 'PGPORT', 'PGUSER', 'PGPASSWORD', 'PGDATABASE', 'KAFKA_BROKERS'];

/**
 * A system for end-to-end tests, built from the same pieces as `npm start` (tools/infra and
 * tools/stack, same environment for every app), but with each app under the test's control, so a
 * test can kill one with SIGKILL, restart it with other settings, or stop the broker under it.
 */
export class SystemUnderTest {
  private readonly apps = new Map<ServiceName, AppProcess>();
  private readonly signers = new Map<ServiceName, ServiceTokenSigner>();

  private constructor(
    private readonly options: SystemOptions,
    /** The data folder, as `MICROSHOP_DATA_DIR` would name it to `npm start` or `npm run token`. */
    readonly dataDir: string,
    public postgres: LocalPostgres,
    public kafka: LocalKafka,
  ) {}

  /** The apps' signing keys, where `npm start` keeps them: `<data dir>/keys`. */
  get keysDir(): string {
    return join(this.dataDir, 'keys');
  }

  /** Starts PostgreSQL and Kafka (always its own: these tests stop and restart them). */
  static async start(options: SystemOptions): Promise<SystemUnderTest> {
    for (const name of INFRA_ENV) delete process.env[name];
    const dataDir = resolve(`.data/e2e-${options.name}`);
    rmSync(dataDir, { recursive: true, force: true });
    const [postgres, kafka] = await Promise.all([
      startPostgres(SystemUnderTest.postgresOptions(dataDir, options)),
      startKafka(SystemUnderTest.kafkaOptions(dataDir, options)),
    ]);
    const owners = (Object.keys(SERVICES) as ServiceName[]).filter((n) => SERVICES[n].ownsDatabase);
    await provisionServiceDatabases(postgres.admin, owners.map(serviceDatabaseFor));
    await ensureTopics(kafka.brokers, [...ALL_TOPICS]);
    return new SystemUnderTest(options, dataDir, postgres, kafka);
  }

  private static postgresOptions(dataDir: string, options: SystemOptions) {
    return { dataDir: join(dataDir, 'postgres'), port: options.postgresPort, log: () => undefined };
  }

  private static kafkaOptions(dataDir: string, options: SystemOptions) {
    return {
      dataDir: join(dataDir, 'kafka'),
      port: options.kafkaPort,
      controllerPort: options.kafkaPort + 1,
      log: () => undefined,
    };
  }

  port(app: ServiceName): number {
    return this.options.portBase + SERVICES[app].port - SERVICES.gateway.port;
  }

  url(app: ServiceName, path = ''): string {
    return `http://127.0.0.1:${this.port(app)}${path}`;
  }

  /**
   * Headers that make a test's call to `to` a signed call from `from` (the gateway unless told
   * otherwise), with `from`'s key from this system's keys: the services refuse unsigned calls.
   */
  async signedHeaders(
    to: ServiceName,
    from: ServiceName = 'gateway',
  ): Promise<{ authorization: string }> {
    let signer = this.signers.get(from);
    if (!signer) {
      signer = new ServiceTokenSigner({
        service: from,
        signingKey: localServiceKeys(this.keysDir)[from],
      });
      this.signers.set(from, signer);
    }
    return { authorization: await signer.authorizationFor(to) };
  }

  /** Starts an app with the environment `npm start` gives it (plus `extraEnv`) and waits until ready. */
  async startApp(app: ServiceName, extraEnv: NodeJS.ProcessEnv = {}): Promise<void> {
    const server = { host: this.postgres.admin.host, port: this.postgres.admin.port };
    const databaseUrls = Object.fromEntries(
      (Object.keys(SERVICES) as ServiceName[])
        .filter((name) => SERVICES[name].ownsDatabase)
        .map((name) => [name, serviceDatabaseUrl(server, serviceDatabaseFor(name))]),
    );
    const ports = Object.fromEntries(
      (Object.keys(SERVICES) as ServiceName[]).map((name) => [name, this.port(name)]),
    ) as Record<ServiceName, number>;
    const env = {
      ...appEnvironment(
        app,
        { ports, kafkaBrokers: this.kafka.brokers, databaseUrls },
        this.keysDir,
      ),
      LOG_LEVEL: 'warn',
      ...extraEnv,
    };
    this.apps.set(app, startApp(app, env, { colour: 36, format: 'json' }));
    await eventually(
      `${app} is ready`,
      async () => (await statusOf(this.url(app, '/health/ready'))) === 200,
      60_000,
    );
  }

  /** Sends `signal` to an app and waits until its process has gone. */
  async kill(app: ServiceName, signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    const process = this.apps.get(app);
    if (!process) return;
    process.child.kill(signal);
    await process.exited;
    this.apps.delete(app);
  }

  /**
   * Sends `signal` to a running app and leaves it be: `SIGSTOP` freezes it (its sockets still
   * accept connections, nothing answers), `SIGCONT` thaws it.
   */
  signal(app: ServiceName, signal: NodeJS.Signals): void {
    this.apps.get(app)?.child.kill(signal);
  }

  async stopKafka(): Promise<void> {
    await this.kafka.stop();
  }

  async restartKafka(): Promise<void> {
    this.kafka = await startKafka(SystemUnderTest.kafkaOptions(this.dataDir, this.options));
  }

  async stopPostgres(): Promise<void> {
    await this.postgres.stop();
  }

  async restartPostgres(): Promise<void> {
    this.postgres = await startPostgres(
      SystemUnderTest.postgresOptions(this.dataDir, this.options),
    );
  }

  /** Stops every app (gracefully), then Kafka and PostgreSQL. */
  async stop(): Promise<void> {
    await Promise.all([...this.apps.values()].map((app) => stopApp(app, 12_000)));
    this.apps.clear();
    await Promise.allSettled([this.kafka.stop(), this.postgres.stop()]);
  }
}
