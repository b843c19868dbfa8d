import { SERVICE_NAMES } from '#libs/contracts';
import type { LocalStack } from './local-stack.js';
import { telemetryHint } from './telemetry-hint.js';

/** The table a newcomer reads first: where everything is, once everything is ready. */
export function printReadyTable(stack: LocalStack, elapsedMs: number): void {
  const rows = SERVICE_NAMES.map((name) => {
    const role = name === 'gateway' ? 'public entry' : 'internal';
    return `  ${name.padEnd(15)} ${stack.url(name).padEnd(24)} ${role}`;
  });
  console.log(
    [
      '',
      `microshop is ready (${(elapsedMs / 1000).toFixed(1)} s)`,
      '',
      '  app             url                      role',
      ...rows,
      '',
      '  Every app serves /health/live, /health/ready and /metrics.',
      '  Internal services refuse calls without a service token; to mint one for curl:',
      '    npm run -s token -- gateway product | tail -1',
      ...stack.describeInfrastructure().map((line) => `  ${line}`),
      ...telemetryHint(process.env).map((line) => `  ${line}`),
      '',
      'Press Ctrl-C to stop everything.',
      '',
    ].join('\n'),
  );
}
