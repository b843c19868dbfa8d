import { ALL_TOPICS, SERVICE_NAMES } from '#libs/contracts';
import { APP_CONFIG_SCHEMAS, configProblems } from './app-config-schemas.js';
import { RenderedOverlay, renderOverlay } from './k8s-manifests.js';
import {
  type Environments,
  needlessTrust,
  refusedCalls,
  sharedSigningKeys,
  signingKeyIds,
} from './service-identity-checks.js';
import {
  environmentOf as composeEnvironmentOf,
  readComposeFile,
  readRepoFile,
} from './static-files.js';

/**
 * The local overlay runs on an empty cluster: it brings dev-only Secrets and the demo
 * infrastructure (k8s/demo-infra), which must match what docker-compose.yml runs.
 */
describe('the Kubernetes overlay k8s/overlays/local', () => {
  let k8s: RenderedOverlay;
  beforeAll(() => {
    k8s = new RenderedOverlay(renderOverlay('k8s/overlays/local'));
  });
  const compose = readComposeFile().services;
  const envOf = (app: (typeof SERVICE_NAMES)[number]) =>
    k8s.environmentOf(k8s.deploymentOf(app).container);
  const containerOf = (kind: string, name: string) =>
    k8s.find(kind, name)?.spec?.template?.spec.containers[0];
  const valueOf = (kind: string, name: string, variable: string) =>
    containerOf(kind, name)?.env?.find((entry) => entry.name === variable)?.value;

  it.each(SERVICE_NAMES)('gives %s an environment its own config schema accepts', (app) => {
    expect(configProblems(APP_CONFIG_SCHEMAS[app], envOf(app))).toEqual([]);
  });

  it.each(SERVICE_NAMES)(
    'turns the fault switches of %s on where it has them, as compose does',
    (app) => {
      if (!('FAULT_INJECTION' in APP_CONFIG_SCHEMAS[app].shape)) return;
      expect(envOf(app).FAULT_INJECTION).toBe('on');
    },
  );

  describe('service identity', () => {
    const environments = () =>
      Object.fromEntries(SERVICE_NAMES.map((app) => [app, envOf(app)])) as Environments;

    it('signs every call an app is configured to make with a key its callee trusts', async () => {
      expect(await refusedCalls(environments())).toEqual([]);
    });

    it('makes each service trust only the apps configured to call it', () => {
      expect(needlessTrust(environments())).toEqual([]);
    });

    it('gives every app a key of its own, named as a dev-only key', () => {
      expect(sharedSigningKeys(environments())).toEqual([]);
      expect(signingKeyIds(environments())).toEqual(
        Object.fromEntries(SERVICE_NAMES.map((app) => [app, `${app}-dev-only`])),
      );
    });
  });

  it('marks every Secret of the local overlay as dev-only', () => {
    const secrets = k8s.ofKind('Secret');
    expect(secrets.length).toBeGreaterThan(0);
    for (const secret of secrets) {
      expect(secret.metadata.annotations?.['microshop.dev/dev-only']).toBe('true');
    }
  });

  describe('the demo infrastructure', () => {
    it.each(['postgres', 'kafka', 'redis'])(
      'runs %s as a StatefulSet with the image compose runs',
      (name) => {
        expect(k8s.find('StatefulSet', name)).toBeDefined();
        expect(containerOf('StatefulSet', name)?.image).toBe(compose[name]?.image);
      },
    );

    it.each(['postgres', 'kafka', 'redis'])('gives %s a readiness probe', (name) => {
      expect(containerOf('StatefulSet', name)?.readinessProbe).toBeDefined();
    });

    it('initialises PostgreSQL with the very script compose mounts', () => {
      const initScript = k8s.find('ConfigMap', 'postgres-init')?.data?.['postgres-init.sql'];
      expect(initScript).toBe(readRepoFile('infra/postgres/init/01-service-databases.sql'));
      const pod = k8s.find('StatefulSet', 'postgres')?.spec?.template;
      const volume = pod?.spec.volumes?.find((entry) => entry.configMap?.name === 'postgres-init');
      const mount = containerOf('StatefulSet', 'postgres')?.volumeMounts?.find(
        ({ name }) => name === volume?.name,
      );
      expect(mount?.mountPath).toBe('/docker-entrypoint-initdb.d');
    });

    it('configures the broker as compose does, for one node that creates no topic', () => {
      const composeKafka = composeEnvironmentOf(compose.kafka!);
      for (const variable of [
        'KAFKA_PROCESS_ROLES',
        'KAFKA_AUTO_CREATE_TOPICS_ENABLE',
        'KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR',
        'KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR',
        'KAFKA_TRANSACTION_STATE_LOG_MIN_ISR',
        'KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS',
        'KAFKA_ADVERTISED_LISTENERS',
      ]) {
        expect({ variable, value: valueOf('StatefulSet', 'kafka', variable) }).toEqual({
          variable,
          value: composeKafka[variable],
        });
      }
    });

    it('creates every topic of the contracts with its partition count, in a Job', () => {
      const topics = (valueOf('Job', 'kafka-topics', 'TOPICS') ?? '').split(/\s+/).filter(Boolean);
      expect(topics.sort()).toEqual(
        ALL_TOPICS.map(({ name, partitions }) => `${name}:${partitions}`).sort(),
      );
      expect(containerOf('Job', 'kafka-topics')?.image).toBe(compose.kafka?.image);
      expect(valueOf('Job', 'kafka-topics', 'BOOTSTRAP_SERVER')).toBe('kafka:9092');
      expect(containerOf('Job', 'kafka-topics')?.args?.join(' ')).toContain('--if-not-exists');
    });

    it.each(['postgres', 'kafka', 'redis'])('reaches %s through a Service of that name', (name) => {
      const service = k8s.find('Service', name);
      expect(service?.spec?.selector?.['app.kubernetes.io/name']).toBe(name);
    });
  });
});
