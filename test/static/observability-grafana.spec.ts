import { readFileSync } from 'node:fs';
import {
  dashboardFiles,
  dashboards,
  exportedMetricNames,
  metricNamesIn,
  OBSERVABILITY_DIR,
  prometheusRules,
  queriesOf,
  readYaml,
  unknownMetricNames,
} from './observability-files.js';
import { readComposeFile, repoPath } from './static-files.js';

/**
 * Grafana is provisioned from files: datasources with fixed uids, dashboards as JSON. Nothing in
 * them is checked by Grafana until someone opens a panel, so they are checked here: the JSON
 * parses, every panel queries a provisioned datasource, and every metric a panel queries is one
 * the apps export.
 */
const grafanaDir = `${OBSERVABILITY_DIR}/grafana`;

interface Datasource {
  uid: string;
  type: string;
  url: string;
  jsonData?: Record<string, unknown>;
}

const datasources = readYaml<{ datasources: Datasource[] }>(
  `${grafanaDir}/provisioning/datasources/datasources.yml`,
).datasources;
const datasourceUids = new Map(datasources.map((source) => [source.uid, source.type]));

/** The labels Alloy gives Loki streams (`target_label` and `stage.labels` in config.alloy). */
function alloyStreamLabels(): Set<string> {
  const alloy = readFileSync(repoPath(`${OBSERVABILITY_DIR}/alloy/config.alloy`), 'utf8');
  const relabelled = [...alloy.matchAll(/target_label\s*=\s*"(\w+)"/g)].map(([, label]) => label!);
  const fromLines = [...alloy.matchAll(/stage\.labels\s*\{\s*values\s*=\s*\{([^}]*)\}/g)].flatMap(
    ([, values]) => [...values!.matchAll(/(\w+)\s*=/g)].map(([, label]) => label!),
  );
  return new Set([...relabelled, ...fromLines]);
}

describe('Grafana provisioning', () => {
  it('provisions the Prometheus, Jaeger and Loki datasources under fixed uids', () => {
    expect(Object.fromEntries(datasourceUids)).toEqual({
      prometheus: 'prometheus',
      jaeger: 'jaeger',
      loki: 'loki',
    });
  });

  it('points each datasource at a compose service of the observability profile', () => {
    const services = readComposeFile().services;
    for (const source of datasources) {
      const host = new URL(source.url).hostname;
      expect({ uid: source.uid, profiles: services[host]?.profiles }).toEqual({
        uid: source.uid,
        profiles: ['observability'],
      });
    }
  });

  it('links a log line to its trace and a trace to its log lines', () => {
    const loki = datasources.find((source) => source.uid === 'loki')!;
    const [derivedField] = loki.jsonData?.derivedFields as {
      matcherRegex: string;
      datasourceUid: string;
    }[];
    expect(derivedField?.datasourceUid).toBe('jaeger');
    const logLine = JSON.stringify({
      level: 'info',
      service: 'order',
      trace_id: '4bf92f3577b34da6a3ce929d0e0e4736',
      span_id: '00f067aa0ba902b7',
      message: 'POST /orders 202',
    });
    expect(new RegExp(derivedField!.matcherRegex).exec(logLine)?.[1]).toBe(
      '4bf92f3577b34da6a3ce929d0e0e4736',
    );
    const jaeger = datasources.find((source) => source.uid === 'jaeger')!;
    expect(jaeger.jsonData?.tracesToLogsV2).toMatchObject({
      datasourceUid: 'loki',
      filterByTraceID: true,
      tags: [{ key: 'service.name', value: 'service' }],
    });
    expect(alloyStreamLabels()).toContain('service');
  });

  it('loads dashboards from the folder compose mounts', () => {
    const provider = readYaml<{ providers: { options: { path: string } }[] }>(
      `${grafanaDir}/provisioning/dashboards/dashboards.yml`,
    ).providers[0]!;
    const grafana = readComposeFile().services.grafana!;
    expect(grafana.volumes).toContain(`./${grafanaDir}/dashboards:${provider.options.path}:ro`);
  });
});

describe('Grafana dashboards', () => {
  it('has an overview, a service, a resilience, a sagas and a Kafka dashboard', () => {
    expect(dashboards.map(({ dashboard }) => dashboard.uid).sort()).toEqual([
      'microshop-kafka',
      'microshop-overview',
      'microshop-resilience',
      'microshop-sagas',
      'microshop-service',
    ]);
  });

  it.each(dashboardFiles)('queries only provisioned datasources in %s', (file) => {
    const { dashboard } = dashboards.find((entry) => entry.file === file)!;
    const queries = queriesOf(dashboard);
    expect(queries.length).toBeGreaterThan(0);
    const unprovisioned = queries.filter(
      ({ uid }) => uid === undefined || !datasourceUids.has(uid),
    );
    expect(unprovisioned).toEqual([]);
  });

  it.each(dashboardFiles)('queries only metrics the apps export in %s', async (file) => {
    const { dashboard } = dashboards.find((entry) => entry.file === file)!;
    const used = queriesOf(dashboard)
      .filter(({ uid }) => uid === 'prometheus')
      .flatMap(({ expr }) => metricNamesIn(expr));
    expect(used.length).toBeGreaterThan(0);
    const recorded = new Set(prometheusRules().flatMap((rule) => rule.record ?? []));
    expect(unknownMetricNames(used, await exportedMetricNames(), recorded)).toEqual([]);
  });

  it('selects Loki streams only by labels Alloy gives them', () => {
    const streamLabels = alloyStreamLabels();
    const selectors = dashboards
      .flatMap(({ dashboard }) => queriesOf(dashboard))
      .filter(({ uid }) => uid === 'loki')
      .map(({ expr }) => /^\{([^}]*)\}/.exec(expr)?.[1] ?? '');
    expect(selectors.length).toBeGreaterThan(0);
    const labels = selectors.flatMap((selector) =>
      [...selector.matchAll(/(\w+)\s*(=~|!~|!=|=)/g)].map(([, label]) => label!),
    );
    expect(labels.filter((label) => !streamLabels.has(label))).toEqual([]);
  });
});
