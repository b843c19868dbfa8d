import { SERVICE_NAMES } from '#libs/contracts';
import {
  dashboards,
  metricNamesIn,
  prometheusRules,
  queriesOf,
  unknownMetricNames,
} from '../static/observability-files.js';
import { SystemUnderTest } from '../support/system-under-test.js';

/**
 * What the dashboards and alert rules query, checked against what the running apps export: every
 * metric family a `/metrics` scrape of the five apps declares (`# TYPE` lines, which prom-client
 * writes for every registered metric, observed yet or not). The static check
 * (test/static/observability-grafana.spec.ts) reads names from the source; this one asks the
 * processes, so a metric that is defined but never registered in an app is caught too.
 */
describe('the dashboards and alert rules against a running stack', () => {
  let system: SystemUnderTest;
  const exported = new Set<string>();

  beforeAll(async () => {
    system = await SystemUnderTest.start({
      name: 'dashboard-metrics',
      portBase: 17700,
      postgresPort: 55491,
      kafkaPort: 20202,
    });
    await Promise.all(
      (['product', 'promotion', 'recommendation', 'order'] as const).map((app) =>
        system.startApp(app, { FAULT_INJECTION: 'on' }),
      ),
    );
    await system.startApp('gateway');
    for (const app of SERVICE_NAMES) {
      const scrape = await (await fetch(system.url(app, '/metrics'))).text();
      for (const [, name] of scrape.matchAll(/^# TYPE (\S+) \S+$/gm)) exported.add(name!);
    }
  }, 240_000);

  afterAll(async () => {
    await system?.stop();
  }, 60_000);

  const recorded = () => new Set(prometheusRules().flatMap((rule) => rule.record ?? []));

  it('has every app export its metrics', () => {
    expect(exported).toContain('http_server_request_duration_seconds');
    expect(exported).toContain('process_resident_memory_bytes');
  });

  it('queries only metrics the running apps export, in every dashboard', () => {
    expect(dashboards.length).toBeGreaterThan(0);
    const used = dashboards
      .flatMap(({ dashboard }) => queriesOf(dashboard))
      .filter(({ uid }) => uid === 'prometheus')
      .flatMap(({ expr }) => metricNamesIn(expr));
    expect(used.length).toBeGreaterThan(0);
    expect(unknownMetricNames(used, exported, recorded())).toEqual([]);
  });

  it('alerts only on metrics the running apps export', () => {
    const used = prometheusRules().flatMap((rule) => metricNamesIn(rule.expr));
    expect(used.length).toBeGreaterThan(0);
    expect(unknownMetricNames(used, exported, recorded())).toEqual([]);
  });
});
