import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { SERVICES, type ServiceName } from '#libs/contracts';
import type { SpanRecord } from '#libs/observability';
import { serviceDatabaseUrl } from '../../tools/infra/postgres/service-database-url.js';
import { appEnvironment, serviceDatabaseFor } from '../../tools/stack/app-environment.js';
import { APP_NODE_OPTIONS, type AppProcess, stopApp } from '../../tools/stack/app-process.js';
import { eventually, statusOf } from './poll.js';
import type { SystemUnderTest } from './system-under-test.js';

/**
 * Apps started on a {@link SystemUnderTest} for following traces: each runs with the node flags
 * `npm start` gives it (tracing bootstrap included) and the environment `npm start` gives it, at
 * `debug` (for the consumers' line about every message they handle), appends its finished spans
 * to a file of its own (`MICROSHOP_SPANS_FILE`), and has its output kept for the test to read
 * rather than printed.
 */
export class TracedApps<App extends ServiceName> {
  private readonly processes = new Map<App, AppProcess>();
  private readonly output = new Map<App, string>();

  private constructor(
    private readonly system: SystemUnderTest,
    private readonly apps: readonly App[],
  ) {}

  /** Starts `apps` together, resolving once each is ready; spans go to the system's data folder. */
  static async start<App extends ServiceName>(
    system: SystemUnderTest,
    apps: readonly App[],
  ): Promise<TracedApps<App>> {
    const traced = new TracedApps(system, apps);
    await Promise.all(apps.map((app) => traced.startOne(app)));
    return traced;
  }

  private spansFile(app: App): string {
    return join(this.system.dataDir, `spans-${app}.jsonl`);
  }

  private async startOne(app: App): Promise<void> {
    const system = this.system;
    const server = { host: system.postgres.admin.host, port: system.postgres.admin.port };
    const env = {
      ...appEnvironment(
        app,
        {
          ports: Object.fromEntries(
            (Object.keys(SERVICES) as ServiceName[]).map((name) => [name, system.port(name)]),
          ) as Record<ServiceName, number>,
          kafkaBrokers: system.kafka.brokers,
          databaseUrls: { [app]: serviceDatabaseUrl(server, serviceDatabaseFor(app)) },
        },
        system.keysDir,
      ),
      LOG_LEVEL: 'debug',
      MICROSHOP_SPANS_FILE: this.spansFile(app),
    };
    const main = resolve('dist/apps', app, 'src/main.js');
    const child = spawn(process.execPath, [...APP_NODE_OPTIONS, main], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    this.output.set(app, '');
    child.stdout.on('data', (chunk: Buffer) =>
      this.output.set(app, this.output.get(app)! + chunk.toString()),
    );
    const exited = once(child, 'exit').then(([code]) => code as number | null);
    this.processes.set(app, { name: app, child, exited });
    await eventually(
      `${app} is ready`,
      async () => (await statusOf(system.url(app, '/health/ready'))) === 200,
      60_000,
    );
  }

  /** Every span `app` has recorded so far, or only those of `traceId`. */
  spansOf(app: App, traceId?: string): SpanRecord[] {
    if (!existsSync(this.spansFile(app))) return [];
    return readFileSync(this.spansFile(app), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as SpanRecord)
      .filter((span) => traceId === undefined || span.traceId === traceId);
  }

  /** The spans of one trace, from every app, as far as they were recorded. */
  traceOf(traceId: string): SpanRecord[] {
    return this.apps.flatMap((app) => this.spansOf(app, traceId));
  }

  /** The JSON log lines `app` wrote for `traceId`. */
  logLinesOf(app: App, traceId: string): Record<string, unknown>[] {
    return (this.output.get(app) ?? '')
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .filter((line) => line.trace_id === traceId);
  }

  async stop(): Promise<void> {
    await Promise.all([...this.processes.values()].map((app) => stopApp(app, 12_000)));
  }
}

/** The spans from `span` up to the root of its trace, as far as they were recorded. */
export function ancestry(span: SpanRecord, trace: SpanRecord[]): SpanRecord[] {
  const parent = trace.find((candidate) => candidate.spanId === span.parentSpanId);
  return parent ? [parent, ...ancestry(parent, trace)] : [];
}
