import { execFileSync } from 'node:child_process';
import type { z } from 'zod';
import { parseAllDocuments } from 'yaml';
import type { ServiceName } from '#libs/contracts';
import { repoPath } from './static-files.js';

/**
 * No cluster runs where the tests run, so the overlays are rendered offline with
 * `kubectl kustomize` and the objects they would apply are read here: the parts of the Kubernetes
 * API these checks look at, and helpers that resolve what the kubelet would resolve.
 */
export const OVERLAYS = ['k8s/overlays/local', 'k8s/overlays/production'] as const;
export type Overlay = (typeof OVERLAYS)[number];
export const NAMESPACE = 'microshop';

export interface Probe {
  httpGet?: { path?: string; port?: string | number };
  exec?: { command?: string[] };
  tcpSocket?: { port?: string | number };
}
export interface Container {
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
  command?: string[];
  args?: string[];
}
export interface SecurityContext {
  runAsNonRoot?: boolean;
  runAsUser?: number;
  readOnlyRootFilesystem?: boolean;
  allowPrivilegeEscalation?: boolean;
  capabilities?: { drop?: string[]; add?: string[] };
  seccompProfile?: { type?: string };
}
export interface PodTemplate {
  metadata: { labels?: Record<string, string> };
  spec: {
    terminationGracePeriodSeconds?: number;
    securityContext?: SecurityContext;
    containers: Container[];
    initContainers?: Container[];
    volumes?: { name: string; emptyDir?: object; configMap?: { name: string } }[];
  };
}
export interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: { key: string; operator: string; values?: string[] }[];
}
export interface NetworkPolicyPeer {
  podSelector?: LabelSelector;
  namespaceSelector?: LabelSelector;
}
export interface NetworkPolicyRule {
  from?: NetworkPolicyPeer[];
  to?: NetworkPolicyPeer[];
  ports?: { port?: string | number; protocol?: string }[];
}
export interface KubernetesObject {
  apiVersion: string;
  kind: string;
  metadata: {
    name: string;
    namespace?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
  };
  data?: Record<string, string>;
  stringData?: Record<string, string>;
  spec?: {
    replicas?: number;
    minReplicas?: number;
    maxReplicas?: number;
    maxUnavailable?: number | string;
    minAvailable?: number | string;
    scaleTargetRef?: { apiVersion: string; kind: string; name: string };
    selector?: Record<string, string> & LabelSelector;
    podSelector?: LabelSelector;
    policyTypes?: string[];
    ingress?: NetworkPolicyRule[];
    egress?: NetworkPolicyRule[];
    ports?: { port: number; targetPort?: string | number }[];
    template?: PodTemplate;
  };
}

/** The objects `kubectl kustomize <overlay>` renders. */
export function renderOverlay(overlay: Overlay): KubernetesObject[] {
  let output: string;
  try {
    output = execFileSync('kubectl', ['kustomize', repoPath(overlay)], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new Error(
        'kubectl is not installed, so k8s/ cannot be rendered and checked. Install it ' +
          '(Debian: `apt-get install -y kubernetes-client`; any kubectl renders these overlays offline).',
        { cause: error },
      );
    }
    throw new Error(
      `kubectl kustomize ${overlay} failed: ${(error as { stderr?: string }).stderr}`,
      {
        cause: error,
      },
    );
  }
  return parseAllDocuments(output).map((document) => document.toJS() as KubernetesObject);
}

/** Whether a selector picks pods with these labels. */
export function selects(selector: LabelSelector | undefined, labels: Record<string, string>) {
  if (!selector) return false;
  const matchLabels = Object.entries(selector.matchLabels ?? {});
  const expressions = selector.matchExpressions ?? [];
  return (
    matchLabels.every(([key, value]) => labels[key] === value) &&
    expressions.every(({ key, operator, values = [] }) => {
      if (operator === 'In') return values.includes(labels[key] ?? '');
      if (operator === 'NotIn') return !values.includes(labels[key] ?? '');
      if (operator === 'Exists') return key in labels;
      return !(key in labels);
    })
  );
}

/** A port of a container, by number or by name. */
export function containerPort(
  container: Container,
  port: string | number | undefined,
): number | undefined {
  if (typeof port === 'number') return port;
  return container.ports?.find(({ name }) => name === port)?.containerPort;
}

/** Variables a schema cannot do without: those it refuses to leave unset. */
export function requiredVariables(schema: z.ZodObject): string[] {
  return Object.entries(schema.shape)
    .filter(([, variable]) => !(variable as z.ZodType).safeParse(undefined).success)
    .map(([name]) => name);
}

/** One rendered overlay, with lookups that resolve references the way the kubelet does. */
export class RenderedOverlay {
  constructor(readonly objects: KubernetesObject[]) {}

  find(kind: string, name: string): KubernetesObject | undefined {
    return this.objects.find((object) => object.kind === kind && object.metadata.name === name);
  }

  ofKind(kind: string): KubernetesObject[] {
    return this.objects.filter((object) => object.kind === kind);
  }

  /** Every pod template: Deployments, StatefulSets and Jobs. */
  podTemplates(): { owner: string; pod: PodTemplate }[] {
    return this.objects.flatMap((object) =>
      object.spec?.template
        ? [{ owner: `${object.kind}/${object.metadata.name}`, pod: object.spec.template }]
        : [],
    );
  }

  deploymentOf(app: ServiceName) {
    const deployments = this.objects.filter(
      (object) => object.kind === 'Deployment' && object.metadata.name === app,
    );
    if (deployments.length !== 1) {
      throw new Error(`expected one Deployment ${app}, found ${deployments.length}`);
    }
    const deployment = deployments[0]!;
    const pod = deployment.spec!.template!;
    if (pod.spec.containers.length !== 1) throw new Error(`${app} must run exactly one container`);
    return { deployment, pod, container: pod.spec.containers[0]! };
  }

  /**
   * The container's environment as the kubelet would build it. A ConfigMap must be rendered; a
   * Secret the overlay leaves to the secret store (`secrets: 'external'`) gives its variables the
   * value `undefined`, so their names still count.
   */
  environmentOf(
    container: Container,
    secrets: 'rendered' | 'external' = 'rendered',
  ): Record<string, string | undefined> {
    const configMap = (name: string) => {
      const object = this.find('ConfigMap', name);
      if (!object)
        throw new Error(`${container.name} refers to a ConfigMap "${name}" that is not rendered`);
      return object.data ?? {};
    };
    const secret = (name: string): Record<string, string> | undefined => {
      const object = this.find('Secret', name);
      if (object) return secretData(object);
      if (secrets === 'external') return undefined;
      throw new Error(`${container.name} refers to a Secret "${name}" that is not rendered`);
    };
    const env: Record<string, string | undefined> = {};
    for (const from of container.envFrom ?? []) {
      if (from.secretRef) {
        throw new Error(`${container.name}: name Secret variables one by one, not with envFrom`);
      }
      const values = configMap(from.configMapRef!.name);
      for (const [key, value] of Object.entries(values)) env[`${from.prefix ?? ''}${key}`] = value;
    }
    for (const { name, value, valueFrom } of container.env ?? []) {
      const configMapKey = valueFrom?.configMapKeyRef;
      const secretKey = valueFrom?.secretKeyRef;
      env[name] = configMapKey
        ? configMap(configMapKey.name)[configMapKey.key]
        : secretKey
          ? secret(secretKey.name)?.[secretKey.key]
          : value;
    }
    return env;
  }
}

/** A Secret's values, from `data` (base64) and `stringData` (which wins, as on the API server). */
export function secretData(secret: KubernetesObject): Record<string, string> {
  const decoded = Object.entries(secret.data ?? {}).map(([key, value]) => [
    key,
    Buffer.from(value, 'base64').toString('utf8'),
  ]);
  return { ...Object.fromEntries(decoded), ...secret.stringData };
}

/**
 * Validates an object against the Kubernetes OpenAPI schema of its kind (kubernetes-models):
 * types, enums and required fields. Resolves with the problem, or undefined when it is valid.
 */
export async function schemaProblem(object: KubernetesObject): Promise<string | undefined> {
  const module = (await import(`kubernetes-models/${object.apiVersion}/${object.kind}`).catch(
    () => undefined,
  )) as Record<string, new (data: unknown) => { validate(): void }> | undefined;
  const Model = module?.[object.kind];
  if (!Model) return `no Kubernetes schema for ${object.apiVersion} ${object.kind}`;
  try {
    new Model(object).validate();
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}
