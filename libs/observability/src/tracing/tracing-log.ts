import type { DiagLogger } from '@opentelemetry/api';

type Level = 'error' | 'warn' | 'info' | 'debug' | 'trace';

/**
 * Writes one line shaped like the app's own JSON logs (`level`, `time`, `service`, `context`,
 * `message`). The tracing bootstrap runs before the app's logger exists, so it writes its few
 * lines itself rather than printing plain text among JSON.
 */
export function writeTracingLog(service: string, level: Level, message: string): void {
  const line = { level, time: new Date().toISOString(), service, context: 'Tracing', message };
  process.stdout.write(`${JSON.stringify(line)}\n`);
}

/**
 * OpenTelemetry's own diagnostics (an exporter that cannot reach its collector, an instrumentation
 * that loaded too late) as app-shaped log lines.
 */
export function tracingDiagLogger(service: string): DiagLogger {
  const at =
    (level: Level) =>
    (message: string, ...details: unknown[]) =>
      writeTracingLog(service, level, [message, ...details.map(describe)].join(' '));
  return {
    error: at('error'),
    warn: at('warn'),
    info: at('info'),
    debug: at('debug'),
    verbose: at('trace'),
  };
}

function describe(detail: unknown): string {
  if (detail instanceof Error) return detail.message;
  return typeof detail === 'string' ? detail : JSON.stringify(detail);
}
