import { spawnSync } from 'node:child_process';
import { SERVICE_NAMES, SERVICES } from '#libs/contracts';
import {
  exportedMetricNames,
  filesUnder,
  metricNamesIn,
  OBSERVABILITY_DIR,
  prometheusRules,
  readYaml,
  unknownMetricNames,
} from './observability-files.js';
import { readRepoFile, repoPath } from './static-files.js';

/**
 * The Prometheus configuration of the `observability` profile, checked with promtool (Debian's
 * `prometheus` package; .ci/run installs it) and against the metrics the apps really export.
 */
const prometheusDir = repoPath(`${OBSERVABILITY_DIR}/prometheus`);
/** The rule unit tests, relative to the Prometheus folder (where promtool runs). */
const ruleTestFiles = filesUnder(`${OBSERVABILITY_DIR}/prometheus/tests`, '.test.yml').map((file) =>
  file.replace(`${OBSERVABILITY_DIR}/prometheus/`, ''),
);

function promtool(...args: string[]) {
  const run = spawnSync('promtool', args, { cwd: prometheusDir, encoding: 'utf8' });
  if (run.error) {
    throw new Error(`promtool cannot run (${run.error.message}): apt-get install prometheus`);
  }
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

interface ScrapeConfig {
  job_name: string;
  dns_sd_configs?: { names: string[]; type: string; port: number }[];
}

describe('Prometheus', () => {
  const rules = prometheusRules();
  const recorded = new Set(rules.flatMap((rule) => rule.record ?? []));

  it('has a configuration promtool accepts, rule files included', () => {
    const { status, output } = promtool('check', 'config', 'prometheus.yml');
    expect(output).toMatch(/SUCCESS: \d+ rule files found/);
    expect({ status, output }).toEqual({ status: 0, output });
  });

  it('has alert rules promtool accepts', () => {
    const files = rules.map((rule) => rule.file.replace(`${OBSERVABILITY_DIR}/prometheus/`, ''));
    const { status, output } = promtool('check', 'rules', ...new Set(files));
    expect({ status, output }).toEqual({ status: 0, output });
  });

  it('passes the unit tests of its alert rules', () => {
    expect(ruleTestFiles.length).toBeGreaterThan(0);
    const { status, output } = promtool('test', 'rules', ...ruleTestFiles);
    expect({ status, output }).toEqual({ status: 0, output });
  });

  it('unit-tests every alert it defines', () => {
    const tested = new Set(
      readYamlTests().flatMap((test) =>
        (test.alert_rule_test ?? []).map((check) => check.alertname),
      ),
    );
    const alerts = rules.flatMap((rule) => rule.alert ?? []);
    expect(alerts.filter((alert) => !tested.has(alert))).toEqual([]);
  });

  it('alerts on what the issue names: outages, errors, latency, lag, outbox, sagas, breakers, rate limits', () => {
    const alerts = rules.flatMap((rule) => rule.alert ?? []);
    expect(alerts).toEqual(
      expect.arrayContaining([
        'ServiceDown',
        'HighErrorRatio',
        'HighLatencyP99',
        'KafkaConsumerLagHigh',
        'OutboxEventsStuck',
        'SagaCompensationFailed',
        'CircuitBreakerOpen',
        'RateLimitRejectingPartition',
      ]),
    );
  });

  it('points every alert at its own section of docs/observability.md', () => {
    const headings = new Set(
      [...readRepoFile('docs/observability.md').matchAll(/^#+ (.+)$/gm)].map(([, heading]) =>
        heading!
          .toLowerCase()
          .replace(/[^\w\- ]/g, '')
          .replace(/ /g, '-'),
      ),
    );
    const alerts = rules.filter((rule) => rule.alert !== undefined);
    const missing = alerts.filter(
      (rule) =>
        rule.annotations?.runbook_url !== `docs/observability.md#${rule.alert!.toLowerCase()}` ||
        !headings.has(rule.alert!.toLowerCase()),
    );
    expect(missing.map((rule) => rule.alert)).toEqual([]);
  });

  it('uses only metric names the apps export', async () => {
    const used = rules.flatMap((rule) => metricNamesIn(rule.expr));
    expect(used).toContain('http_server_request_duration_seconds_bucket');
    const exported = await exportedMetricNames();
    expect(unknownMetricNames(['made_up_requests_total'], exported, recorded)).toEqual([
      'made_up_requests_total',
    ]);
    expect(unknownMetricNames(used, exported, recorded)).toEqual([]);
  });

  it('scrapes every app by its compose service name on the port it listens on', () => {
    const config = readYaml<{ scrape_configs: ScrapeConfig[] }>(
      `${OBSERVABILITY_DIR}/prometheus/prometheus.yml`,
    );
    for (const app of SERVICE_NAMES) {
      const job = config.scrape_configs.find((scrape) => scrape.job_name === app);
      expect({ app, discovery: job?.dns_sd_configs }).toEqual({
        app,
        discovery: [expect.objectContaining({ names: [app], port: SERVICES[app].port })],
      });
    }
  });
});

describe('metricNamesIn', () => {
  it('finds the metrics of an expression, not its functions, labels, keywords or variables', () => {
    const expression = `histogram_quantile(0.99, sum by (service, le) (rate(http_server_request_duration_seconds_bucket{route!="/x", service="$service"}[$__rate_interval])))
      / on (service) group_left sum without (instance) (up offset 5m) > bool 1e3 or vector(0)`;
    expect(metricNamesIn(expression)).toEqual([
      'http_server_request_duration_seconds_bucket',
      'up',
    ]);
  });

  it('finds a recording rule name and a label_values metric', () => {
    expect(metricNamesIn('service:http_requests:rate5m > 0.2')).toEqual([
      'service:http_requests:rate5m',
    ]);
    expect(metricNamesIn('label_values(resilience_calls_total, dependency)')).toEqual([
      'resilience_calls_total',
    ]);
  });
});

function readYamlTests() {
  return ruleTestFiles.flatMap(
    (file) =>
      readYaml<{ tests: { alert_rule_test?: { alertname: string }[] }[] }>(
        `${OBSERVABILITY_DIR}/prometheus/${file}`,
      ).tests,
  );
}
