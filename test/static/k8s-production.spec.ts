import { SERVICE_NAMES } from '#libs/contracts';
import { APP_CONFIG_SCHEMAS } from './app-config-schemas.js';
import { RenderedOverlay, renderOverlay } from './k8s-manifests.js';

/**
 * The production-like overlay: more than one pod of everything, nothing dev-only, no demo
 * infrastructure (operators or managed services provide it), the gateway behind an Ingress.
 */
describe('the Kubernetes overlay k8s/overlays/production', () => {
  let k8s: RenderedOverlay;
  beforeAll(() => {
    k8s = new RenderedOverlay(renderOverlay('k8s/overlays/production'));
  });

  it.each(SERVICE_NAMES)('runs more than one pod of %s, and never scales below that', (app) => {
    const { deployment } = k8s.deploymentOf(app);
    expect(deployment.spec?.replicas).toBeGreaterThan(1);
    expect(k8s.find('HorizontalPodAutoscaler', app)?.spec?.minReplicas).toBeGreaterThan(1);
  });

  it('keeps one pod of every app serving during a voluntary disruption', () => {
    for (const app of SERVICE_NAMES) {
      const replicas = k8s.deploymentOf(app).deployment.spec?.replicas ?? 1;
      const budget = k8s.find('PodDisruptionBudget', app)?.spec;
      const available = budget?.minAvailable ?? replicas - Number(budget?.maxUnavailable);
      expect({ app, keepsOne: Number(available) >= 1 }).toEqual({ app, keepsOne: true });
    }
  });

  it('tells promotion how many replicas share its quotas', () => {
    const env = k8s.environmentOf(k8s.deploymentOf('promotion').container, 'external');
    const replicas = k8s.deploymentOf('promotion').deployment.spec?.replicas;
    expect(Number(env.RATE_LIMIT_REPLICAS)).toBe(replicas);
  });

  it('holds no Secret: they come from the secret store', () => {
    expect(k8s.ofKind('Secret')).toEqual([]);
  });

  it('holds nothing marked dev-only', () => {
    const devOnly = k8s.objects.filter(
      (object) => object.metadata.annotations?.['microshop.dev/dev-only'] === 'true',
    );
    expect(devOnly.map(({ kind, metadata }) => `${kind}/${metadata.name}`)).toEqual([]);
  });

  it('brings no demo infrastructure: operators or managed services provide it', () => {
    expect(k8s.ofKind('StatefulSet')).toEqual([]);
  });

  it.each(SERVICE_NAMES)('keeps the fault switches of %s off', (app) => {
    const env = k8s.environmentOf(k8s.deploymentOf(app).container, 'external');
    if ('FAULT_INJECTION' in APP_CONFIG_SCHEMAS[app].shape) expect(env.FAULT_INJECTION).toBe('off');
    else expect(env.FAULT_INJECTION).toBeUndefined();
  });

  it('routes the Ingress to the gateway, and to nothing else', () => {
    const ingresses = k8s.ofKind('Ingress') as unknown as {
      spec: { rules: { http: { paths: { backend: { service: { name: string } } }[] } }[] };
    }[];
    expect(ingresses.length).toBeGreaterThan(0);
    const backends = ingresses.flatMap(({ spec }) =>
      spec.rules.flatMap((rule) => rule.http.paths.map((path) => path.backend.service.name)),
    );
    expect(new Set(backends)).toEqual(new Set(['gateway']));
  });
});
