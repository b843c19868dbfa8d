import { existsSync, readFileSync } from 'node:fs';
import { SERVICE_NAMES } from '#libs/contracts';
import { OBSERVABILITY_DIR, readYaml } from './observability-files.js';
import {
  type ComposeService,
  environmentOf,
  publishedPorts,
  readComposeFile,
  repoPath,
} from './static-files.js';

/**
 * The telemetry pipeline of the compose profiles: apps -> OpenTelemetry Collector -> Jaeger for
 * traces, container stdout -> Alloy -> Loki for logs (or Filebeat -> Elasticsearch with `elk`).
 * None of it runs here, so its configuration files are parsed and their wiring checked.
 */
const services = readComposeFile().services;
const OBSERVABILITY = ['otel-collector', 'jaeger', 'prometheus', 'loki', 'alloy', 'grafana'];
const ELK = ['elasticsearch', 'kibana', 'filebeat'];

interface CollectorConfig {
  receivers: Record<string, { protocols?: Record<string, { endpoint?: string }> }>;
  processors?: Record<string, unknown>;
  exporters: Record<string, { endpoint?: string }>;
  extensions?: Record<string, unknown>;
  service: {
    extensions?: string[];
    pipelines: Record<string, { receivers: string[]; processors?: string[]; exporters: string[] }>;
  };
}

const collector = readYaml<CollectorConfig>(`${OBSERVABILITY_DIR}/otel-collector/config.yaml`);
const jaeger = readYaml<CollectorConfig>(`${OBSERVABILITY_DIR}/jaeger/config.yaml`);

const portOf = (endpoint: string | undefined) => Number(endpoint?.split(':').at(-1));

/** Components a collector pipeline names that the configuration does not define. */
function undefinedComponents(config: CollectorConfig): string[] {
  const pipelines = Object.entries(config.service.pipelines).flatMap(([name, pipeline]) => [
    ...pipeline.receivers.filter((id) => !(id in config.receivers)).map((id) => `${name}: ${id}`),
    ...(pipeline.processors ?? [])
      .filter((id) => !(id in (config.processors ?? {})))
      .map((id) => `${name}: ${id}`),
    ...pipeline.exporters.filter((id) => !(id in config.exporters)).map((id) => `${name}: ${id}`),
  ]);
  const extensions = (config.service.extensions ?? []).filter(
    (id) => !(id in (config.extensions ?? {})),
  );
  return [...pipelines, ...extensions];
}

/** The mounted host paths of a service's bind volumes (`./path:/target[:ro]`). */
const boundFiles = (service: ComposeService) =>
  (service.volumes ?? []).flatMap((volume) =>
    typeof volume === 'string' && volume.startsWith('./') ? [volume.split(':')[0]!] : [],
  );

describe('the traces pipeline', () => {
  it('defines every component the collector and Jaeger pipelines use', () => {
    expect(undefinedComponents(collector)).toEqual([]);
    expect(undefinedComponents(jaeger)).toEqual([]);
  });

  it.each(SERVICE_NAMES)(
    'sends the traces of %s to the collector, on the port of its OTLP/HTTP receiver',
    (app) => {
      const endpoint = new URL(environmentOf(services[app]!).OTEL_EXPORTER_OTLP_ENDPOINT ?? '');
      expect(endpoint.hostname).toBe('otel-collector');
      expect(Number(endpoint.port)).toBe(
        portOf(collector.receivers.otlp?.protocols?.http?.endpoint),
      );
    },
  );

  it("exports the collector's traces to Jaeger's OTLP/gRPC receiver", () => {
    const [exporter] = collector.service.pipelines.traces!.exporters;
    const endpoint = collector.exporters[exporter!]!.endpoint!;
    expect(endpoint.split(':')[0]).toBe('jaeger');
    expect(portOf(endpoint)).toBe(portOf(jaeger.receivers.otlp?.protocols?.grpc?.endpoint));
  });

  it('limits the collector memory below its container limit', () => {
    expect(collector.service.pipelines.traces!.processors?.[0]).toBe('memory_limiter');
  });
});

describe('the logs pipeline', () => {
  const alloy = readFileSync(repoPath(`${OBSERVABILITY_DIR}/alloy/config.alloy`), 'utf8');
  const withoutComments = alloy.replace(/\/\/.*$/gm, '');
  /** The text with string contents blanked, for counting braces. */
  const code = withoutComments.replace(/"(?:[^"\\]|\\.)*"|`[^`]*`/g, '""');
  /** `kind.label` of every component block (`loki.write "loki" {` is `loki.write.loki`). */
  const components = [
    ...withoutComments.matchAll(/^([a-z_]+(?:\.[a-z_]+)+)\s+"([\w-]+)"\s*\{/gm),
  ].map(([, kind, label]) => `${kind}.${label}`);

  it('has an Alloy configuration whose blocks are balanced', () => {
    let depth = 0;
    for (const character of code) {
      depth += character === '{' ? 1 : character === '}' ? -1 : 0;
      expect(depth).toBeGreaterThanOrEqual(0);
    }
    expect(depth).toBe(0);
    expect(components).toEqual(
      expect.arrayContaining(['discovery.docker.containers', 'loki.source.docker.containers']),
    );
  });

  it('refers in Alloy only to components it defines', () => {
    const references = [
      ...code.matchAll(/=\s*\[?\s*((?:discovery|loki)\.[a-z_]+\.\w+)\.(\w+)/g),
    ].map(([, component]) => component!);
    expect(references.length).toBeGreaterThan(0);
    expect(references.filter((reference) => !components.includes(reference))).toEqual([]);
  });

  it('pushes logs to the Loki service on the port Loki listens on', () => {
    const push = /url\s*=\s*"([^"]+)"/.exec(alloy)?.[1] ?? '';
    const loki = readYaml<{ server: { http_listen_port: number } }>(
      `${OBSERVABILITY_DIR}/loki/config.yaml`,
    );
    const url = new URL(push);
    expect({ host: url.hostname, port: Number(url.port), path: url.pathname }).toEqual({
      host: 'loki',
      port: loki.server.http_listen_port,
      path: '/loki/api/v1/push',
    });
  });

  it('keeps trace ids out of Loki labels, as structured metadata', () => {
    expect(alloy).toMatch(/stage\.structured_metadata\s*\{[^}]*trace_id/);
    expect(/stage\.labels\s*\{[^}]*\}/.exec(alloy)?.[0]).not.toContain('trace_id');
  });

  it('ships the same logs to Elasticsearch in the elk profile', () => {
    const filebeat = readYaml<{ 'output.elasticsearch': { hosts: string[] } }>(
      `${OBSERVABILITY_DIR}/elk/filebeat.yml`,
    );
    const [host] = filebeat['output.elasticsearch'].hosts;
    expect(new URL(host!).hostname).toBe('elasticsearch');
  });
});

describe('the observability services in docker-compose.yml', () => {
  it.each(OBSERVABILITY)('runs %s only in the observability profile', (name) => {
    expect(services[name]?.profiles).toEqual(['observability']);
  });

  it.each(ELK)('runs %s only in the elk profile', (name) => {
    expect(services[name]?.profiles).toEqual(['elk']);
  });

  it('publishes only the Grafana, Jaeger and Kibana UIs, on loopback', () => {
    const publishing = [...OBSERVABILITY, ...ELK].filter(
      (name) => publishedPorts(services[name]!).length > 0,
    );
    expect(publishing.sort()).toEqual(['grafana', 'jaeger', 'kibana']);
    for (const name of publishing) {
      for (const port of services[name]!.ports ?? [])
        expect(String(port)).toMatch(/^127\.0\.0\.1:/);
    }
  });

  it.each([...OBSERVABILITY, ...ELK])('mounts only files that exist into %s', (name) => {
    const missing = boundFiles(services[name]!).filter((path) => !existsSync(repoPath(path)));
    expect(missing).toEqual([]);
  });

  it.each([...OBSERVABILITY, ...ELK])('caps the memory of %s', (name) => {
    expect(services[name]?.mem_limit).toBeDefined();
  });
});
