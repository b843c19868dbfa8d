import { execFileSync } from 'node:child_process';
import { parseAllDocuments } from 'yaml';
import { SERVICE_NAMES, SERVICES, type ServiceName } from '#libs/contracts';
import { APP_CONFIG_SCHEMAS, configProblems, unknownVariables } from './app-config-schemas.js';
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
  repoPath,
} from './static-files.js';

/**
 * No cluster runs where the tests run, so the local overlay is rendered offline with
 * `kubectl kustomize` and the objects it would apply are checked: what `kubectl apply` would only
 * reveal later (an app refusing its environment, a probe on the wrong path, a root container).
 */
const OVERLAY = 'k8s/overlays/local';
const NAMESPACE = 'microshop';

interface Probe {
  httpGet?: { path?: string; port?: string | number };
}
interface Container {
  name: string;
  image?: string;
  ports?: { name?: string; containerPort: number }[];
  env?: {
    name: string;
    value?: string;
    valueFrom?: {
      configMapKeyRef?: { name: string; key: string };
      secretKeyRef?: { name: string; key: string };
    };
  }[];
  envFrom?: { prefix?: string; configMapRef?: { name: string }; secretRef?: { name: string } }[];
  startupProbe?: Probe;
  livenessProbe?: Probe;
  readinessProbe?: Probe;
  lifecycle?: { preStop?: { exec?: { command?: string[] } } };
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
  securityContext?: SecurityContext;
  volumeMounts?: { name: string; mountPath: string }[];
}
interface SecurityContext {
  runAsNonRoot?: boolean;
  runAsUser?: number;
  readOnlyRootFilesystem?: boolean;
  allowPrivilegeEscalation?: boolean;
}
interface KubernetesObject {
  kind: string;
  metadata: { name: string; namespace?: string; annotations?: Record<string, string> };
  data?: Record<string, string>;
  stringData?: Record<string, string>;
  spec?: {
    selector?: Record<string, string> & { matchLabels?: Record<string, string> };
    ports?: { port: number; targetPort?: string | number }[];
    template?: {
      metadata: { labels?: Record<string, string> };
      spec: {
        terminationGracePeriodSeconds?: number;
        securityContext?: SecurityContext;
        containers: Container[];
        volumes?: { name: string; emptyDir?: object }[];
      };
    };
  };
}

function renderOverlay(): KubernetesObject[] {
  let output: string;
  try {
    output = execFileSync('kubectl', ['kustomize', repoPath(OVERLAY)], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new Error(
        'kubectl is not installed, so k8s/ cannot be rendered and checked. Install it ' +
          '(Debian: `apt-get install -y kubernetes-client`; any kubectl renders this overlay offline).',
        { cause: error },
      );
    }
    throw new Error(
      `kubectl kustomize ${OVERLAY} failed: ${(error as { stderr?: string }).stderr}`,
      { cause: error },
    );
  }
  return parseAllDocuments(output).map((document) => document.toJS() as KubernetesObject);
}

let objects: KubernetesObject[] = [];
beforeAll(() => {
  objects = renderOverlay();
});

function find(kind: string, name: string): KubernetesObject | undefined {
  return objects.find((object) => object.kind === kind && object.metadata.name === name);
}

function deploymentOf(app: ServiceName) {
  const deployments = objects.filter((o) => o.kind === 'Deployment' && o.metadata.name === app);
  expect(deployments).toHaveLength(1);
  const pod = deployments[0]!.spec!.template!;
  expect(pod.spec.containers).toHaveLength(1);
  return { pod, container: pod.spec.containers[0]! };
}

function secretData(secret: KubernetesObject): Record<string, string> {
  const decoded = Object.entries(secret.data ?? {}).map(([key, value]) => [
    key,
    Buffer.from(value, 'base64').toString('utf8'),
  ]);
  return { ...Object.fromEntries(decoded), ...secret.stringData };
}

/** The container's environment as the kubelet would build it; unresolvable references throw. */
function environmentOf(container: Container): Record<string, string | undefined> {
  const source = (kind: 'ConfigMap' | 'Secret', name: string) => {
    const object = find(kind, name);
    if (!object)
      throw new Error(`${container.name} refers to a ${kind} "${name}" that is not rendered`);
    return kind === 'Secret' ? secretData(object) : (object.data ?? {});
  };
  const env: Record<string, string | undefined> = {};
  for (const from of container.envFrom ?? []) {
    const values = from.configMapRef
      ? source('ConfigMap', from.configMapRef.name)
      : source('Secret', from.secretRef!.name);
    for (const [key, value] of Object.entries(values)) env[`${from.prefix ?? ''}${key}`] = value;
  }
  for (const { name, value, valueFrom } of container.env ?? []) {
    const configMapKey = valueFrom?.configMapKeyRef;
    const secretKey = valueFrom?.secretKeyRef;
    env[name] = configMapKey
      ? source('ConfigMap', configMapKey.name)[configMapKey.key]
      : secretKey
        ? source('Secret', secretKey.name)[secretKey.key]
        : value;
  }
  return env;
}

const configOf = (app: ServiceName) =>
  APP_CONFIG_SCHEMAS[app].parse(environmentOf(deploymentOf(app).container)) as Record<
    string,
    unknown
  >;

function containerPort(
  container: Container,
  port: string | number | undefined,
): number | undefined {
  if (typeof port === 'number') return port;
  return container.ports?.find(({ name }) => name === port)?.containerPort;
}

describe(`the Kubernetes overlay ${OVERLAY}`, () => {
  it('puts everything but the namespace itself into the microshop namespace', () => {
    expect(find('Namespace', NAMESPACE)).toBeDefined();
    const elsewhere = objects
      .filter((object) => object.kind !== 'Namespace' && object.metadata.namespace !== NAMESPACE)
      .map((object) => `${object.kind}/${object.metadata.name}`);
    expect(elsewhere).toEqual([]);
  });

  it('deploys exactly the five apps', () => {
    const deployments = objects.filter((object) => object.kind === 'Deployment');
    expect(deployments.map((deployment) => deployment.metadata.name).sort()).toEqual(
      [...SERVICE_NAMES].sort(),
    );
  });

  it.each(SERVICE_NAMES)('gives %s an environment its own config schema accepts', (app) => {
    const env = environmentOf(deploymentOf(app).container);
    expect(configProblems(APP_CONFIG_SCHEMAS[app], env)).toEqual([]);
    expect(unknownVariables(APP_CONFIG_SCHEMAS[app], env)).toEqual([]);
  });

  it.each(SERVICE_NAMES)('sets the same variables for %s as docker-compose.yml', (app) => {
    const composeService = readComposeFile().services[app] ?? {};
    const composeNames = Object.keys(composeEnvironmentOf(composeService)).sort();
    expect(Object.keys(environmentOf(deploymentOf(app).container)).sort()).toEqual(composeNames);
  });

  it.each(SERVICE_NAMES)('probes %s for liveness and start-up on /health/live', (app) => {
    const { container } = deploymentOf(app);
    expect(container.startupProbe?.httpGet?.path).toBe('/health/live');
    expect(container.livenessProbe?.httpGet?.path).toBe('/health/live');
  });

  it.each(SERVICE_NAMES)('probes %s for readiness on /health/ready', (app) => {
    expect(deploymentOf(app).container.readinessProbe?.httpGet?.path).toBe('/health/ready');
  });

  it.each(SERVICE_NAMES)('probes %s on the port it listens on', (app) => {
    const { container } = deploymentOf(app);
    const { PORT } = configOf(app);
    for (const probe of [
      container.startupProbe,
      container.livenessProbe,
      container.readinessProbe,
    ]) {
      expect(containerPort(container, probe?.httpGet?.port)).toBe(PORT);
    }
  });

  it.each(SERVICE_NAMES)('reserves resources for %s and caps its memory', (app) => {
    const { resources } = deploymentOf(app).container;
    expect(resources?.requests?.cpu).toBeDefined();
    expect(resources?.requests?.memory).toBeDefined();
    expect(resources?.limits?.memory).toBeDefined();
  });

  it.each(SERVICE_NAMES)('runs %s as non-root on a read-only root filesystem', (app) => {
    const { pod, container } = deploymentOf(app);
    const security = { ...pod.spec.securityContext, ...container.securityContext };
    expect(security.runAsNonRoot).toBe(true);
    expect(security.runAsUser).not.toBe(0);
    expect(security.readOnlyRootFilesystem).toBe(true);
    expect(security.allowPrivilegeEscalation).toBe(false);
  });

  it.each(SERVICE_NAMES)('gives %s a writable /tmp on an emptyDir', (app) => {
    const { pod, container } = deploymentOf(app);
    const mount = container.volumeMounts?.find(({ mountPath }) => mountPath === '/tmp');
    const volume = pod.spec.volumes?.find(({ name }) => name === mount?.name);
    expect(volume?.emptyDir).toBeDefined();
  });

  it.each(SERVICE_NAMES)('lets %s drain in-flight work before the kubelet kills it', (app) => {
    const { pod, container } = deploymentOf(app);
    const [program, seconds] = container.lifecycle?.preStop?.exec?.command ?? [];
    const preStopMs = program === 'sleep' ? Number(seconds) * 1000 : 0;
    const gracePeriodMs = (pod.spec.terminationGracePeriodSeconds ?? 30) * 1000;
    expect(gracePeriodMs).toBeGreaterThan(preStopMs + Number(configOf(app).SHUTDOWN_TIMEOUT_MS));
  });

  it.each(SERVICE_NAMES)('exposes %s through a Service of its name on its own port', (app) => {
    const service = find('Service', app);
    const { pod, container } = deploymentOf(app);
    const selector = Object.entries(service?.spec?.selector ?? {});
    expect(selector.length).toBeGreaterThan(0);
    for (const [label, value] of selector) expect(pod.metadata.labels?.[label]).toBe(value);
    expect(service?.spec?.ports?.map(({ port }) => port)).toEqual([SERVICES[app].port]);
    const [{ targetPort } = { targetPort: undefined }] = service?.spec?.ports ?? [];
    expect(containerPort(container, targetPort)).toBe(configOf(app).PORT);
  });

  it.each(SERVICE_NAMES)('points the HTTP URLs of %s at Services on their ports', (app) => {
    const urls = Object.entries(configOf(app)).filter(
      ([name]) => name.endsWith('_URL') && name !== 'DATABASE_URL',
    );
    for (const [variable, value] of urls) {
      const url = new URL(String(value));
      const port = find('Service', url.hostname)?.spec?.ports?.[0]?.port;
      expect({ variable, port }).toEqual({ variable, port: Number(url.port) });
    }
  });

  it.each(SERVICE_NAMES)('runs a pinned, non-latest image of %s', (app) => {
    const { image = '' } = deploymentOf(app).container;
    expect(image).toMatch(new RegExp(`^microshop/${app}:(?!latest$)[\\w.-]+$`));
  });

  describe('service identity', () => {
    const environments = () =>
      Object.fromEntries(
        SERVICE_NAMES.map((app) => [app, environmentOf(deploymentOf(app).container)]),
      ) as Environments;

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
    const secrets = objects.filter((object) => object.kind === 'Secret');
    expect(secrets.length).toBeGreaterThan(0);
    for (const secret of secrets) {
      expect(secret.metadata.annotations?.['microshop.dev/dev-only']).toBe('true');
    }
  });
});
