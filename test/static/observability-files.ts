import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { collectDefaultMetrics, Registry } from 'prom-client';
import { parse } from 'yaml';
import { readRepoFile, repoPath } from './static-files.js';

/** The folder of the observability profile's configuration, relative to the repository root. */
export const OBSERVABILITY_DIR = 'infra/observability';

export const readYaml = <T = Record<string, unknown>>(relativePath: string): T =>
  parse(readRepoFile(relativePath)) as T;

/** Files under a repository folder, recursively, as paths relative to the repository root. */
export function filesUnder(folder: string, suffix: string): string[] {
  const walk = (absolute: string): string[] =>
    readdirSync(absolute, { withFileTypes: true }).flatMap((entry) => {
      const path = join(absolute, entry.name);
      if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : walk(path);
      return entry.name.endsWith(suffix) ? [relative(repoPath(''), path)] : [];
    });
  return walk(repoPath(folder));
}

export interface Target {
  datasource?: { uid?: string };
  expr?: string;
}

export interface Panel {
  type: string;
  title: string;
  datasource?: { uid?: string; type?: string };
  targets?: Target[];
  panels?: Panel[];
}

export interface Dashboard {
  uid: string;
  title: string;
  panels: Panel[];
  templating?: { list: { name: string; datasource?: { uid?: string }; query?: unknown }[] };
}

/** The provisioned Grafana dashboards, parsed. */
export const dashboardFiles = filesUnder(`${OBSERVABILITY_DIR}/grafana/dashboards`, '.json');
export const dashboards = dashboardFiles.map((file) => ({
  file,
  dashboard: JSON.parse(readFileSync(repoPath(file), 'utf8')) as Dashboard,
}));

const allPanels = (panels: Panel[]): Panel[] =>
  panels.flatMap((panel) => [panel, ...allPanels(panel.panels ?? [])]);

/** Every query of a dashboard with the datasource it runs on. */
export function queriesOf(dashboard: Dashboard) {
  const panelQueries = allPanels(dashboard.panels).flatMap((panel) =>
    (panel.targets ?? []).map((target) => ({
      where: `${dashboard.uid} / ${panel.title}`,
      uid: target.datasource?.uid ?? panel.datasource?.uid,
      expr: target.expr ?? '',
    })),
  );
  const variableQueries = (dashboard.templating?.list ?? []).map((variable) => ({
    where: `${dashboard.uid} / $${variable.name}`,
    uid: variable.datasource?.uid,
    expr:
      typeof variable.query === 'string'
        ? variable.query
        : String((variable.query as { query?: string } | undefined)?.query ?? ''),
  }));
  return [...panelQueries, ...variableQueries];
}

interface RuleFile {
  groups: {
    name: string;
    rules: {
      alert?: string;
      record?: string;
      expr: string;
      annotations?: Record<string, string>;
    }[];
  }[];
}

/** Every alerting and recording rule of the Prometheus rule files. */
export function prometheusRules() {
  return filesUnder(`${OBSERVABILITY_DIR}/prometheus/rules`, '.yml').flatMap((file) =>
    readYaml<RuleFile>(file).groups.flatMap((group) =>
      group.rules.map((rule) => ({ file, ...rule })),
    ),
  );
}

const PROMQL_KEYWORDS = new Set([
  'by',
  'without',
  'on',
  'ignoring',
  'group_left',
  'group_right',
  'bool',
  'and',
  'or',
  'unless',
  'offset',
  'inf',
  'nan',
]);

/**
 * The metric names a PromQL expression selects, Grafana's `$variables` and
 * `label_values(metric, label)` included. Enough of PromQL for these checks: strings, label matchers,
 * ranges and grouping clauses are removed first, then every remaining identifier that is not a
 * keyword or followed by `(` (a function or aggregation) is a metric name.
 */
export function metricNamesIn(expression: string): string[] {
  const stripped = expression
    .replace(/\blabel_values\(([^,()]*),\s*\w+\s*\)/g, '$1')
    .replace(/\$\{?\w+\}?/g, 'grafana_variable')
    .replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`[^`]*`/g, '""')
    .replace(/\{[^}]*\}/g, ' ')
    .replace(/\[[^\]]*\]/g, ' ')
    .replace(/\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g, ' ');
  const names = [...stripped.matchAll(/(?<![\w.])([a-zA-Z_:][\w:]*)(?!\w)(\s*\()?/g)]
    .filter(([, name, call]) => call === undefined && !PROMQL_KEYWORDS.has(name!.toLowerCase()))
    .map(([, name]) => name!)
    .filter((name) => name !== 'grafana_variable');
  return [...new Set(names)];
}

/** Series a histogram or summary exposes besides its own name. */
const SAMPLE_SUFFIXES = /_(bucket|sum|count)$/;

/** Series Prometheus itself creates for every target and rule. */
const PROMETHEUS_SERIES = new Set(['up', 'ALERTS', 'ALERTS_FOR_STATE']);

/**
 * Every metric name the apps can export: the string literals of the apps' and libs' source that
 * look like metric names (where the metric constants are defined), plus prom-client's default
 * process and Node.js metrics, which every app registers.
 */
export async function exportedMetricNames(): Promise<Set<string>> {
  const sources = ['apps', 'libs'].flatMap((folder) =>
    filesUnder(folder, '.ts').filter((file) => !/\.(int-|e2e-)?spec\.ts$/.test(file)),
  );
  const literals = sources.flatMap((file) =>
    [
      ...readFileSync(repoPath(file), 'utf8').matchAll(
        /['"`]([a-z][a-z0-9]*(?:_[a-z0-9]+)+)['"`]/g,
      ),
    ].map(([, name]) => name!),
  );
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const defaults = (await registry.getMetricsAsJSON()).map((metric) => metric.name);
  return new Set([...literals, ...defaults]);
}

/** Names in `used` that neither the apps export nor Prometheus or a recording rule creates. */
export function unknownMetricNames(
  used: Iterable<string>,
  exported: Set<string>,
  recorded: Set<string>,
): string[] {
  return [...new Set(used)].filter(
    (name) =>
      !exported.has(name) &&
      !exported.has(name.replace(SAMPLE_SUFFIXES, '')) &&
      !recorded.has(name) &&
      !PROMETHEUS_SERIES.has(name),
  );
}
