import { existsSync } from 'node:fs';
import { ALL_TOPICS, SERVICE_NAMES, SERVICES, type ServiceName } from '#libs/contracts';
import { APP_CONFIG_SCHEMAS, configProblems, unknownVariables } from './app-config-schemas.js';
import { finalStageHasHealthcheck } from './dockerfile-stages.js';
import {
  configuredCalls,
  type Environments,
  needlessTrust,
  refusedCalls,
  sharedSigningKeys,
  signingKeyIds,
} from './service-identity-checks.js';
import {
  buildArg,
  type ComposeService,
  dependenciesOf,
  durationMs,
  environmentOf,
  publishedPorts,
  readComposeFile,
  readRepoFile,
  repoPath,
  sizeBytes,
} from './static-files.js';

/**
 * No Docker engine runs where the tests run, so docker-compose.yml is checked by reading it: what
 * `docker compose up` would only reveal at run time (an app refusing its environment, a dependency
 * that is never healthy, a topic or database that is missing) fails here instead.
 */
const compose = readComposeFile();
const services = compose.services;
const serviceNames = Object.keys(services);
const appsWithDatabase = SERVICE_NAMES.filter((name) => SERVICES[name].ownsDatabase);

/** P10 in docs/PERFORMANCE.md: the whole core stack within 1.5 GB (read as GiB, as Docker counts). */
const CORE_STACK_MEMORY_BYTES = 1.5 * 1024 ** 3;

/** The services that may publish ports to the host (issue #9): the entry and the UIs of profiles. */
const PUBLISHED_SERVICES = ['gateway', 'grafana', 'jaeger', 'kibana'];

/** Services `docker compose up` starts without any --profile. */
const isCore = (service: ComposeService) => !service.profiles?.length;

const appService = (app: string): ComposeService => {
  const service = services[app];
  if (!service) throw new Error(`docker-compose.yml has no service "${app}"`);
  return service;
};

const appConfig = (app: ServiceName) =>
  APP_CONFIG_SCHEMAS[app].parse(environmentOf(appService(app))) as Record<string, unknown>;

/** Every host:port an app's config makes it call: `*_URL` variables and Kafka brokers. */
function configuredServers(app: ServiceName) {
  return Object.entries(appConfig(app)).flatMap(([variable, value]) => {
    if (variable === 'KAFKA_BROKERS') {
      return (value as string[]).map((broker) => {
        const [host = '', port] = broker.split(':');
        return { variable, protocol: 'kafka:', host, port: Number(port) };
      });
    }
    if (!variable.endsWith('_URL')) return [];
    const url = new URL(String(value));
    return [{ variable, protocol: url.protocol, host: url.hostname, port: Number(url.port) }];
  });
}

/** Services some other service waits for to exit successfully: jobs, not servers. */
const oneShotJobs = new Set(
  Object.values(services).flatMap((service) =>
    Object.entries(dependenciesOf(service))
      .filter(([, condition]) => condition === 'service_completed_successfully')
      .map(([name]) => name),
  ),
);

function hasHealthcheck(service: ComposeService): boolean {
  if (service.healthcheck?.disable) return false;
  const test = service.healthcheck?.test;
  if (test !== undefined) return !(Array.isArray(test) && test[0] === 'NONE');
  // Our apps inherit the Dockerfile's HEALTHCHECK; other images are not trusted to have one.
  const dockerfile = typeof service.build === 'object' ? service.build.dockerfile : undefined;
  const fromOurDockerfile =
    service.build !== undefined && [undefined, 'Dockerfile'].includes(dockerfile);
  return fromOurDockerfile && finalStageHasHealthcheck();
}

function initScriptDatabases() {
  const sql = readRepoFile('infra/postgres/init/01-service-databases.sql').replace(/--.*$/gm, '');
  const name = '"?(\\w+)"?';
  const matches = (pattern: string) => [...sql.matchAll(new RegExp(pattern, 'gi'))];
  return {
    owners: new Map(
      matches(`CREATE\\s+DATABASE\\s+${name}\\s+OWNER\\s+${name}`).map(([, db, owner]) => [
        db,
        owner,
      ]),
    ),
    passwords: new Map(
      matches(
        `CREATE\\s+(?:ROLE|USER)\\s+${name}\\s+(?:WITH\\s+)?LOGIN\\s+PASSWORD\\s+'([^']*)'`,
      ).map(([, role, password]) => [role, password]),
    ),
    connectRevoked: new Set(
      matches(`REVOKE\\s+CONNECT\\b[^;]*?\\bON\\s+DATABASE\\s+${name}\\s+FROM\\s+PUBLIC`).map(
        ([, db]) => db,
      ),
    ),
  };
}

describe('docker-compose.yml', () => {
  it('names the project microshop', () => {
    expect(compose.name).toBe('microshop');
  });

  describe('the apps', () => {
    it.each(SERVICE_NAMES)('runs %s as a service built from the Dockerfile for that app', (app) => {
      const service = appService(app);
      const build = typeof service.build === 'object' ? service.build : { context: service.build };
      expect(build.context).toBe('.');
      expect(build.dockerfile ?? 'Dockerfile').toBe('Dockerfile');
      expect(buildArg(service, 'APP')).toBe(app);
    });

    it('builds every APP build arg into an app that exists', () => {
      const apps = Object.values(services).flatMap((service) => buildArg(service, 'APP') ?? []);
      expect(apps.length).toBeGreaterThan(0);
      for (const app of apps) {
        const main = `apps/${app}/src/main.ts`;
        expect({ main, exists: existsSync(repoPath(main)) }).toEqual({ main, exists: true });
      }
    });

    it.each(SERVICE_NAMES)('gives %s an environment its own config schema accepts', (app) => {
      expect(configProblems(APP_CONFIG_SCHEMAS[app], environmentOf(appService(app)))).toEqual([]);
    });

    it.each(SERVICE_NAMES)('sets no variable that the config schema of %s ignores', (app) => {
      expect(unknownVariables(APP_CONFIG_SCHEMAS[app], environmentOf(appService(app)))).toEqual([]);
    });

    it.each(SERVICE_NAMES)(
      'makes %s listen beyond loopback, where other containers reach it',
      (app) => {
        expect(appConfig(app).HOST).not.toMatch(/^(127\.|localhost$|::1$)/);
      },
    );

    it.each(SERVICE_NAMES)(
      'points the HTTP URLs of %s at apps, on the ports they listen on',
      (app) => {
        const calls = configuredServers(app).filter(({ protocol }) => /^https?:$/.test(protocol));
        for (const { variable, host, port } of calls) {
          const target = SERVICE_NAMES.find((name) => name === host);
          expect({ variable, host, isApp: target !== undefined }).toEqual({
            variable,
            host,
            isApp: true,
          });
          expect({ variable, port }).toEqual({ variable, port: appConfig(target!).PORT });
        }
      },
    );

    it.each(SERVICE_NAMES)('lets %s drain in-flight work before Docker kills it', (app) => {
      const service = appService(app);
      const gracePeriodMs = durationMs(service.stop_grace_period ?? '10s');
      expect(gracePeriodMs).toBeGreaterThan(Number(appConfig(app).SHUTDOWN_TIMEOUT_MS));
    });
  });

  describe('service identity', () => {
    const environments = Object.fromEntries(
      SERVICE_NAMES.map((app) => [app, environmentOf(appService(app))]),
    ) as Environments;

    it('signs every call an app is configured to make with a key its callee trusts', async () => {
      expect(configuredCalls(environments)).toContainEqual({ caller: 'order', callee: 'product' });
      expect(await refusedCalls(environments)).toEqual([]);
    });

    it('makes each service trust only the apps configured to call it', () => {
      expect(needlessTrust(environments)).toEqual([]);
    });

    it('gives every app a key of its own, named as a dev-only key', () => {
      expect(sharedSigningKeys(environments)).toEqual([]);
      expect(signingKeyIds(environments)).toEqual(
        Object.fromEntries(SERVICE_NAMES.map((app) => [app, `${app}-dev-only`])),
      );
    });
  });

  describe('dependencies', () => {
    it('depends only on services that exist', () => {
      const missing = Object.entries(services).flatMap(([name, service]) =>
        Object.keys(dependenciesOf(service))
          .filter((target) => !serviceNames.includes(target))
          .map((target) => `${name} -> ${target}`),
      );
      expect(missing).toEqual([]);
    });

    it('waits for servers to be healthy and for one-shot jobs to complete', () => {
      const problems = Object.entries(services).flatMap(([name, service]) =>
        Object.entries(dependenciesOf(service)).flatMap(([target, condition]) => {
          const dependency = services[target];
          if (!dependency) return [];
          if (condition === 'service_completed_successfully') {
            const rerun = !['no', 'on-failure', undefined].includes(dependency.restart);
            return rerun ? [`${name} -> ${target}: a job that restarts never completes`] : [];
          }
          if (condition !== 'service_healthy') return [`${name} -> ${target}: ${condition}`];
          return hasHealthcheck(dependency) ? [] : [`${name} -> ${target}: no healthcheck`];
        }),
      );
      expect(problems).toEqual([]);
    });

    it.each(SERVICE_NAMES)(
      'starts %s only once every server it is configured with is healthy',
      (app) => {
        const dependencies = dependenciesOf(appService(app));
        for (const { host } of configuredServers(app)) {
          expect({ host, condition: dependencies[host] }).toEqual({
            host,
            condition: 'service_healthy',
          });
        }
      },
    );

    it('starts the apps that use Kafka only after every topic has been created', () => {
      const kafkaApps = SERVICE_NAMES.filter(
        (app) => 'KAFKA_BROKERS' in environmentOf(appService(app)),
      );
      expect(kafkaApps.length).toBeGreaterThan(0);
      for (const app of kafkaApps) {
        expect({ app, condition: dependenciesOf(appService(app))['kafka-init'] }).toEqual({
          app,
          condition: 'service_completed_successfully',
        });
      }
    });

    it('never makes a service without a profile depend on a profiled one', () => {
      const offending = Object.entries(services).flatMap(([name, service]) =>
        service.profiles?.length
          ? []
          : Object.keys(dependenciesOf(service))
              .filter((target) => services[target]?.profiles?.length)
              .map((target) => `${name} -> ${target}`),
      );
      expect(offending).toEqual([]);
    });
  });

  describe('ports and memory', () => {
    it('publishes only the gateway from the core', () => {
      const publishing = serviceNames.filter(
        (name) => isCore(services[name]!) && publishedPorts(services[name]!).length > 0,
      );
      expect(publishing).toEqual(['gateway']);
      expect(publishedPorts(appService('gateway'))).toEqual([SERVICES.gateway.port]);
    });

    it('publishes nothing but the gateway and the UIs of Grafana, Jaeger and Kibana', () => {
      const publishing = serviceNames.filter((name) => publishedPorts(services[name]!).length > 0);
      expect(publishing.filter((name) => !PUBLISHED_SERVICES.includes(name))).toEqual([]);
    });

    it('publishes every port on the loopback interface only', () => {
      const open = Object.entries(services).flatMap(([name, service]) =>
        (service.ports ?? [])
          .filter((port) =>
            typeof port === 'object'
              ? port.host_ip !== '127.0.0.1'
              : !String(port).startsWith('127.0.0.1:'),
          )
          .map((port) => `${name}: ${JSON.stringify(port)}`),
      );
      expect(open).toEqual([]);
    });

    it('never publishes one host port twice', () => {
      const ports = Object.values(services).flatMap(publishedPorts);
      expect(ports.filter((port, index) => ports.indexOf(port) !== index)).toEqual([]);
    });

    it('caps the memory of every service', () => {
      const uncapped = serviceNames.filter((name) => {
        const service = services[name]!;
        return (service.mem_limit ?? service.deploy?.resources?.limits?.memory) === undefined;
      });
      expect(uncapped).toEqual([]);
    });

    it('keeps the long-running services of the core within the core-stack memory budget', () => {
      const total = serviceNames
        .filter((name) => !oneShotJobs.has(name) && isCore(services[name]!))
        .map((name) => services[name]!)
        .reduce(
          (sum, s) => sum + sizeBytes(s.mem_limit ?? s.deploy?.resources?.limits?.memory ?? 0),
          0,
        );
      expect(total).toBeLessThanOrEqual(CORE_STACK_MEMORY_BYTES);
    });
  });

  describe('Kafka', () => {
    const kafka = appService('kafka');
    const kafkaEnv = environmentOf(kafka);
    const advertised = (kafkaEnv.KAFKA_ADVERTISED_LISTENERS ?? '')
      .split(',')
      .map((listener) => listener.replace(/^\w+:\/\//, ''));

    it('runs the same broker version as the local stack', () => {
      const pomVersion = /<kafka\.version>([^<]+)<\/kafka\.version>/.exec(
        readRepoFile('infra/kafka/pom.xml'),
      )?.[1];
      expect(kafka.image).toBe(`apache/kafka:${pomVersion}`);
    });

    it('is configured for a single broker that creates no topic by itself', () => {
      expect(kafkaEnv).toMatchObject({
        KAFKA_PROCESS_ROLES: 'broker,controller',
        KAFKA_AUTO_CREATE_TOPICS_ENABLE: 'false',
        KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR: '1',
        KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR: '1',
        KAFKA_TRANSACTION_STATE_LOG_MIN_ISR: '1',
        KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS: '0',
      });
      expect(kafkaEnv.KAFKA_HEAP_OPTS).toMatch(/-Xmx\d+m/);
    });

    it('gives the apps broker addresses the broker advertises', () => {
      for (const app of SERVICE_NAMES) {
        const brokers = environmentOf(appService(app)).KAFKA_BROKERS?.split(',') ?? [];
        for (const broker of brokers) expect(advertised).toContain(broker.trim());
      }
    });

    it('creates every topic of the contracts with its partition count, and no other', () => {
      const init = appService('kafka-init');
      const initEnv = environmentOf(init);
      const topics = (initEnv.TOPICS ?? '')
        .split(/\s+/)
        .filter(Boolean)
        .map((topic) => {
          const [name, partitions] = topic.split(':');
          return { name, partitions: Number(partitions) };
        });
      const expected = ALL_TOPICS.map(({ name, partitions }) => ({ name, partitions }));
      expect(topics).toEqual(expect.arrayContaining(expected));
      expect(topics).toHaveLength(expected.length);

      expect(init.image).toBe(kafka.image);
      expect(advertised).toContain(initEnv.BOOTSTRAP_SERVER);
      const script = [init.entrypoint, init.command].flat().join(' ');
      for (const part of [
        'kafka-topics.sh',
        '--create',
        '$$TOPICS',
        '--partitions',
        '$$BOOTSTRAP_SERVER',
      ]) {
        expect(script).toContain(part);
      }
    });
  });

  describe('PostgreSQL', () => {
    const postgres = appService('postgres');
    const mounts = Object.fromEntries(
      (postgres.volumes ?? []).map((volume) =>
        typeof volume === 'string'
          ? [volume.split(':')[1], volume.split(':')[0]]
          : [volume.target, volume.source],
      ),
    );
    const { owners, passwords, connectRevoked } = initScriptDatabases();

    it('runs PostgreSQL 18 with its data on a volume where that image keeps it', () => {
      expect(postgres.image).toMatch(/^postgres:18(\.|-|$)/);
      expect(mounts['/var/lib/postgresql']).toBeDefined();
    });

    it('mounts the init script folder where the image runs it', () => {
      expect(mounts['/docker-entrypoint-initdb.d']).toBe('./infra/postgres/init');
    });

    it.each(appsWithDatabase)('creates a database for %s, owned by its own login role', (app) => {
      expect(owners.get(app)).toBe(app);
      expect(passwords.has(app)).toBe(true);
    });

    it.each(appsWithDatabase)('lets no other role connect to the database of %s', (app) => {
      expect(connectRevoked).toContain(app);
    });

    it('keeps the service roles out of the maintenance database', () => {
      expect(connectRevoked).toContain('postgres');
    });

    it.each(appsWithDatabase)('connects %s to its own database as its own role', (app) => {
      const url = new URL(environmentOf(appService(app)).DATABASE_URL ?? '');
      expect({
        host: url.hostname,
        port: url.port,
        user: url.username,
        password: decodeURIComponent(url.password),
        database: url.pathname.slice(1),
      }).toEqual({
        host: 'postgres',
        port: '5432',
        user: app,
        password: passwords.get(app),
        database: app,
      });
    });
  });
});
