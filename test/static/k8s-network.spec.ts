import { SERVICE_NAMES, type ServiceName } from '#libs/contracts';
import {
  containerPort,
  type KubernetesObject,
  OVERLAYS,
  type NetworkPolicyRule,
  RenderedOverlay,
  renderOverlay,
  selects,
} from './k8s-manifests.js';

/**
 * The NetworkPolicies of every overlay against the architecture: default deny, then exactly the
 * calls the apps are configured to make (their `<CALLEE>_URL` variables, the same source the
 * service-identity checks use), their infrastructure, DNS and Prometheus.
 */
describe.each(OVERLAYS)('the network policies of %s', (overlay) => {
  let k8s: RenderedOverlay;
  beforeAll(() => {
    k8s = new RenderedOverlay(renderOverlay(overlay));
  });

  const labelsOf = (app: ServiceName) => k8s.deploymentOf(app).pod.metadata.labels ?? {};
  const policiesFor = (labels: Record<string, string>) =>
    k8s.ofKind('NetworkPolicy').filter((policy) => selects(policy.spec?.podSelector, labels));
  const envOf = (app: ServiceName) =>
    k8s.environmentOf(
      k8s.deploymentOf(app).container,
      overlay.endsWith('/local') ? 'rendered' : 'external',
    );

  /** The apps each app calls over HTTP, from the URLs in its environment. */
  const calleesOf = (app: ServiceName): ServiceName[] =>
    Object.entries(envOf(app)).flatMap(([name, value]) => {
      if (!name.endsWith('_URL') || !value || !/^https?:/.test(value)) return [];
      const host = new URL(value).hostname;
      return SERVICE_NAMES.filter((callee) => callee === host);
    });

  /** Whether a rule's ports admit `port` (by number, or by a name the target container gives it). */
  const portMatches = (rule: NetworkPolicyRule, port: number, target?: ServiceName) =>
    !rule.ports?.length ||
    rule.ports.some(
      (allowed) =>
        allowed.port === port ||
        (target !== undefined &&
          containerPort(k8s.deploymentOf(target).container, allowed.port) === port),
    );

  const peerMatches = (
    rule: NetworkPolicyRule,
    side: 'from' | 'to',
    labels?: Record<string, string>,
  ) => {
    const peers = rule[side];
    if (!peers?.length) return true;
    if (!labels) return false;
    // A peer with a namespaceSelector names pods in other namespaces (e.g. Prometheus), not ours.
    return peers.some((peer) => !peer.namespaceSelector && selects(peer.podSelector, labels));
  };

  const ingressAllows = (target: ServiceName, from: Record<string, string> | undefined) => {
    const port = containerPort(k8s.deploymentOf(target).container, 'http')!;
    return policiesFor(labelsOf(target)).some((policy) =>
      (policy.spec?.ingress ?? []).some(
        (rule) => peerMatches(rule, 'from', from) && portMatches(rule, port, target),
      ),
    );
  };

  const egressAllows = (
    source: Record<string, string>,
    to: Record<string, string> | undefined,
    port: number,
    target?: ServiceName,
  ) =>
    policiesFor(source).some((policy) =>
      (policy.spec?.egress ?? []).some(
        (rule) => peerMatches(rule, 'to', to) && portMatches(rule, port, target),
      ),
    );

  it('denies all ingress and egress to every pod unless a policy allows it', () => {
    const defaultDeny = k8s
      .ofKind('NetworkPolicy')
      .find(
        ({ spec }) =>
          Object.keys(spec?.podSelector ?? {}).length === 0 &&
          spec?.policyTypes?.includes('Ingress') &&
          spec.policyTypes.includes('Egress') &&
          !spec.ingress?.length &&
          !spec.egress?.length,
      );
    expect(defaultDeny).toBeDefined();
  });

  it('lets every pod resolve names through the cluster DNS', () => {
    const dns = k8s
      .ofKind('NetworkPolicy')
      .filter(({ spec }) => Object.keys(spec?.podSelector ?? {}).length === 0)
      .flatMap(({ spec }) => spec?.egress ?? [])
      .find((rule) => rule.ports?.some(({ port, protocol }) => port === 53 && protocol === 'UDP'));
    expect(dns).toBeDefined();
  });

  it.each(SERVICE_NAMES)('selects the pods of %s with a policy of its own', (app) => {
    const own = k8s.find('NetworkPolicy', app);
    expect(selects(own?.spec?.podSelector, labelsOf(app))).toBe(true);
    expect(own?.spec?.policyTypes).toEqual(expect.arrayContaining(['Ingress', 'Egress']));
  });

  it('lets anyone reach the gateway, the public entry', () => {
    expect(ingressAllows('gateway', undefined)).toBe(true);
  });

  it.each(SERVICE_NAMES.filter((app) => app !== 'gateway'))(
    'lets exactly the apps configured to call %s reach it',
    (callee) => {
      const callers = SERVICE_NAMES.filter((caller) => calleesOf(caller).includes(callee));
      const admitted = SERVICE_NAMES.filter((caller) => ingressAllows(callee, labelsOf(caller)));
      expect(admitted.sort()).toEqual(callers.sort());
      expect(ingressAllows(callee, undefined)).toBe(false);
    },
  );

  it.each(SERVICE_NAMES)('lets %s call every app it is configured to call', (caller) => {
    const callees = calleesOf(caller);
    const blocked = callees.filter((callee) => {
      const port = containerPort(k8s.deploymentOf(callee).container, 'http')!;
      return !egressAllows(labelsOf(caller), labelsOf(callee), port, callee);
    });
    expect(blocked).toEqual([]);
  });

  it.each(SERVICE_NAMES)('lets Prometheus scrape %s', (app) => {
    const port = containerPort(k8s.deploymentOf(app).container, 'http')!;
    const scraped = policiesFor(labelsOf(app)).some((policy) =>
      (policy.spec?.ingress ?? []).some(
        (rule) =>
          portMatches(rule, port, app) &&
          (!rule.from?.length ||
            rule.from.some(
              (peer) =>
                peer.namespaceSelector !== undefined &&
                selects(peer.podSelector, { 'app.kubernetes.io/name': 'prometheus' }),
            )),
      ),
    );
    expect(scraped).toBe(true);
  });

  /** The infrastructure an app's environment points at: host and port of each server. */
  const infrastructureOf = (app: ServiceName) => {
    const env = envOf(app);
    const servers: { host?: string; port: number }[] = [];
    const fromUrl = (name: string, defaultPort: number) => {
      if (!(name in env)) return;
      const value = env[name];
      if (value === undefined) servers.push({ port: defaultPort });
      else
        servers.push({
          host: new URL(value).hostname,
          port: Number(new URL(value).port || defaultPort),
        });
    };
    fromUrl('DATABASE_URL', 5432);
    fromUrl('REDIS_URL', 6379);
    for (const broker of env.KAFKA_BROKERS?.split(',') ?? []) {
      const [host, port] = broker.trim().split(':');
      servers.push({ host, port: Number(port) });
    }
    return servers;
  };

  /** The pod labels behind a Service the overlay renders, or undefined when it is external. */
  const podsBehind = (host: string | undefined): Record<string, string> | undefined => {
    const service: KubernetesObject | undefined = host ? k8s.find('Service', host) : undefined;
    return service?.spec?.selector
      ? Object.fromEntries(
          Object.entries(service.spec.selector).filter(([, value]) => typeof value === 'string'),
        )
      : undefined;
  };

  it.each(SERVICE_NAMES)('lets %s reach its database, broker and store', (app) => {
    const blocked = infrastructureOf(app).filter(
      ({ host, port }) => !egressAllows(labelsOf(app), podsBehind(host), port),
    );
    expect(blocked).toEqual([]);
  });

  it('admits to the infrastructure it renders only the apps that use it', () => {
    const rendered = ['postgres', 'kafka', 'redis'].filter((name) => k8s.find('Service', name));
    for (const host of rendered) {
      const pods = podsBehind(host)!;
      const users = SERVICE_NAMES.filter((app) =>
        infrastructureOf(app).some((server) => server.host === host),
      );
      const admitted = SERVICE_NAMES.filter((app) =>
        policiesFor(pods).some((policy) =>
          (policy.spec?.ingress ?? []).some((rule) => peerMatches(rule, 'from', labelsOf(app))),
        ),
      );
      expect({ host, admitted: admitted.sort() }).toEqual({ host, admitted: users.sort() });
    }
  });
});
