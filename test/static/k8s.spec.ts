import { SERVICE_NAMES, SERVICES, type ServiceName } from '#libs/contracts';
import { APP_CONFIG_SCHEMAS, unknownVariables } from './app-config-schemas.js';
import {
  containerPort,
  NAMESPACE,
  OVERLAYS,
  RenderedOverlay,
  renderOverlay,
  requiredVariables,
  schemaProblem,
  selects,
} from './k8s-manifests.js';
import { environmentOf as composeEnvironmentOf, readComposeFile } from './static-files.js';

/**
 * What every overlay must get right, checked on its rendered objects: what `kubectl apply` would
 * only reveal later (an object the API server refuses, an app refusing its environment, a probe on
 * the wrong path, a pod the namespace's restricted policy rejects, traffic a policy forgets).
 * Overlay-specific checks: k8s-local.spec.ts, k8s-production.spec.ts; policies: k8s-network.spec.ts.
 */
describe.each(OVERLAYS)('the Kubernetes overlay %s', (overlay) => {
  let k8s: RenderedOverlay;
  beforeAll(() => {
    k8s = new RenderedOverlay(renderOverlay(overlay));
  });

  /** Secrets come from the secret store outside the local overlay: their values are unknown. */
  const envOf = (app: ServiceName) =>
    k8s.environmentOf(
      k8s.deploymentOf(app).container,
      overlay.endsWith('/local') ? 'rendered' : 'external',
    );
  /** Values from ConfigMaps, which every overlay renders, parsed by the app's own schema. */
  const configOf = (app: ServiceName) => {
    const known = Object.fromEntries(
      Object.entries(envOf(app)).filter(([, value]) => value !== undefined),
    );
    return APP_CONFIG_SCHEMAS[app].partial().parse(known) as Record<string, unknown>;
  };

  it('renders only objects that validate against the Kubernetes schemas', async () => {
    expect(k8s.objects.length).toBeGreaterThan(0);
    const problems = await Promise.all(
      k8s.objects.map(async (object) => {
        const problem = await schemaProblem(object);
        return problem && `${object.kind}/${object.metadata.name}: ${problem}`;
      }),
    );
    expect(problems.filter(Boolean)).toEqual([]);
  });

  it('puts everything but the namespace itself into the microshop namespace', () => {
    expect(k8s.find('Namespace', NAMESPACE)).toBeDefined();
    const elsewhere = k8s.objects
      .filter((object) => object.kind !== 'Namespace' && object.metadata.namespace !== NAMESPACE)
      .map((object) => `${object.kind}/${object.metadata.name}`);
    expect(elsewhere).toEqual([]);
  });

  it('deploys exactly the five apps', () => {
    expect(
      k8s
        .ofKind('Deployment')
        .map(({ metadata }) => metadata.name)
        .sort(),
    ).toEqual([...SERVICE_NAMES].sort());
  });

  it.each(SERVICE_NAMES)('gives %s only variables its config schema knows', (app) => {
    expect(unknownVariables(APP_CONFIG_SCHEMAS[app], envOf(app))).toEqual([]);
  });

  it.each(SERVICE_NAMES)('gives %s every variable its config schema requires', (app) => {
    const names = Object.keys(envOf(app));
    const missing = requiredVariables(APP_CONFIG_SCHEMAS[app]).filter(
      (name) => !names.includes(name),
    );
    expect(missing).toEqual([]);
  });

  it.each(SERVICE_NAMES)('gives %s ConfigMap values its config schema accepts', (app) => {
    expect(() => configOf(app)).not.toThrow();
  });

  it.each(SERVICE_NAMES)('sets the same variables for %s as docker-compose.yml', (app) => {
    const composeService = readComposeFile().services[app] ?? {};
    const composeNames = Object.keys(composeEnvironmentOf(composeService)).sort();
    expect(Object.keys(envOf(app)).sort()).toEqual(composeNames);
  });

  it.each(SERVICE_NAMES)('probes %s for liveness and start-up on /health/live', (app) => {
    const { container } = k8s.deploymentOf(app);
    expect(container.startupProbe?.httpGet?.path).toBe('/health/live');
    expect(container.livenessProbe?.httpGet?.path).toBe('/health/live');
  });

  it.each(SERVICE_NAMES)('probes %s for readiness on /health/ready', (app) => {
    expect(k8s.deploymentOf(app).container.readinessProbe?.httpGet?.path).toBe('/health/ready');
  });

  it.each(SERVICE_NAMES)('probes %s on the port it listens on', (app) => {
    const { container } = k8s.deploymentOf(app);
    const port = configOf(app).PORT ?? SERVICES[app].port;
    for (const probe of [
      container.startupProbe,
      container.livenessProbe,
      container.readinessProbe,
    ]) {
      expect(containerPort(container, probe?.httpGet?.port)).toBe(port);
    }
  });

  it.each(SERVICE_NAMES)('reserves resources for %s and caps its memory', (app) => {
    const { resources } = k8s.deploymentOf(app).container;
    expect(resources?.requests?.cpu).toBeDefined();
    expect(resources?.requests?.memory).toBeDefined();
    expect(resources?.limits?.memory).toBeDefined();
  });

  it.each(SERVICE_NAMES)('runs %s as non-root on a read-only root filesystem', (app) => {
    const { pod, container } = k8s.deploymentOf(app);
    const security = { ...pod.spec.securityContext, ...container.securityContext };
    expect(security.runAsNonRoot).toBe(true);
    expect(security.runAsUser).not.toBe(0);
    expect(security.readOnlyRootFilesystem).toBe(true);
    expect(security.allowPrivilegeEscalation).toBe(false);
  });

  it('runs every pod within the restricted Pod Security Standard the namespace enforces', () => {
    expect(k8s.find('Namespace', NAMESPACE)?.metadata.labels).toMatchObject({
      'pod-security.kubernetes.io/enforce': 'restricted',
    });
    const templates = k8s.podTemplates();
    expect(templates.length).toBeGreaterThanOrEqual(SERVICE_NAMES.length);
    const violations = templates.flatMap(({ owner, pod }) =>
      [...pod.spec.containers, ...(pod.spec.initContainers ?? [])].flatMap((container) => {
        const security = { ...pod.spec.securityContext, ...container.securityContext };
        const problems = [
          security.runAsNonRoot !== true && 'runAsNonRoot is not true',
          security.runAsUser === 0 && 'runs as uid 0',
          security.allowPrivilegeEscalation !== false && 'allows privilege escalation',
          !container.securityContext?.capabilities?.drop?.includes('ALL') &&
            'does not drop ALL capabilities',
          (container.securityContext?.capabilities?.add ?? []).some(
            (capability) => capability !== 'NET_BIND_SERVICE',
          ) && 'adds capabilities',
          !['RuntimeDefault', 'Localhost'].includes(security.seccompProfile?.type ?? '') &&
            'has no RuntimeDefault seccomp profile',
        ].filter(Boolean);
        return problems.map((problem) => `${owner} ${container.name}: ${problem}`);
      }),
    );
    expect(violations).toEqual([]);
  });

  it.each(SERVICE_NAMES)('gives %s a writable /tmp on an emptyDir', (app) => {
    const { pod, container } = k8s.deploymentOf(app);
    const mount = container.volumeMounts?.find(({ mountPath }) => mountPath === '/tmp');
    const volume = pod.spec.volumes?.find(({ name }) => name === mount?.name);
    expect(volume?.emptyDir).toBeDefined();
  });

  it.each(SERVICE_NAMES)('lets %s drain in-flight work before the kubelet kills it', (app) => {
    const { pod, container } = k8s.deploymentOf(app);
    const [program, seconds] = container.lifecycle?.preStop?.exec?.command ?? [];
    const preStopMs = program === 'sleep' ? Number(seconds) * 1000 : 0;
    const gracePeriodMs = (pod.spec.terminationGracePeriodSeconds ?? 30) * 1000;
    const shutdownMs = Number(configOf(app).SHUTDOWN_TIMEOUT_MS);
    expect(shutdownMs).toBeGreaterThan(0);
    expect(gracePeriodMs).toBeGreaterThan(preStopMs + shutdownMs);
  });

  it.each(SERVICE_NAMES)('exposes %s through a Service of its name on its own port', (app) => {
    const service = k8s.find('Service', app);
    const { pod, container } = k8s.deploymentOf(app);
    const selector = Object.entries(service?.spec?.selector ?? {});
    expect(selector.length).toBeGreaterThan(0);
    for (const [label, value] of selector) expect(pod.metadata.labels?.[label]).toBe(value);
    expect(service?.spec?.ports?.map(({ port }) => port)).toEqual([SERVICES[app].port]);
    const [{ targetPort } = { targetPort: undefined }] = service?.spec?.ports ?? [];
    expect(containerPort(container, targetPort)).toBe(configOf(app).PORT);
  });

  it.each(SERVICE_NAMES)('points the HTTP URLs of %s at Services on their ports', (app) => {
    const urls = Object.entries(configOf(app)).filter(
      ([name, value]) => name.endsWith('_URL') && /^https?:/.test(String(value)),
    );
    for (const [variable, value] of urls) {
      const url = new URL(String(value));
      const port = k8s.find('Service', url.hostname)?.spec?.ports?.[0]?.port;
      expect({ variable, port }).toEqual({ variable, port: Number(url.port) });
    }
  });

  it.each(SERVICE_NAMES)('runs a pinned, non-latest image of %s', (app) => {
    const { image = '' } = k8s.deploymentOf(app).container;
    expect(image).toMatch(new RegExp(`^microshop/${app}:(?!latest$)[\\w.-]+$`));
  });

  it.each(SERVICE_NAMES)(
    'scales %s with an autoscaler that starts where the Deployment does',
    (app) => {
      const { deployment } = k8s.deploymentOf(app);
      const autoscaler = k8s.find('HorizontalPodAutoscaler', app);
      expect(autoscaler?.spec?.scaleTargetRef).toEqual({
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        name: app,
      });
      expect(autoscaler?.spec?.minReplicas).toBe(deployment.spec?.replicas ?? 1);
      expect(autoscaler?.spec?.maxReplicas).toBeGreaterThan(autoscaler?.spec?.minReplicas ?? 0);
      // A CPU utilisation target means nothing without a CPU request.
      expect(k8s.deploymentOf(app).container.resources?.requests?.cpu).toBeDefined();
    },
  );

  it.each(SERVICE_NAMES)('budgets the voluntary disruptions of %s', (app) => {
    const budget = k8s.find('PodDisruptionBudget', app);
    const { pod, deployment } = k8s.deploymentOf(app);
    expect(selects(budget?.spec?.selector, pod.metadata.labels ?? {})).toBe(true);
    // A budget that allows no disruption at all would block every node drain.
    const replicas = deployment.spec?.replicas ?? 1;
    const minAvailable = budget?.spec?.minAvailable;
    if (minAvailable !== undefined) expect(Number(minAvailable)).toBeLessThan(replicas);
    else expect(Number(budget?.spec?.maxUnavailable)).toBeGreaterThanOrEqual(1);
  });
});
