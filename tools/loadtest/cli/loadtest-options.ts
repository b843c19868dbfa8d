import { stackSettingsFrom } from '../../stack/stack-settings.js';

/** What `npm run loadtest -- <scenario> [options]` was asked to do, checked and bounded. */
export interface LoadtestOptions {
  scenario: string;
  /** Seconds per measured phase. */
  durationSeconds: number;
  /** Arrivals per second in the open loop (the scenario's default when not given). */
  ratePerSecond?: number;
  /** Seconds of discarded warm-up before the first measured phase. */
  warmupSeconds: number;
  /** The gateway: this machine's unless `--base-url` says otherwise. */
  baseUrl: string;
  closedLoop: boolean;
  /** Concurrent workers in the closed loop. */
  connections: number;
  /** Where the JSON result goes; defaults to a timestamped file under `.data/loadtest/`. */
  out?: string;
}

/** Hard bounds: a load test that runs away is a denial of service on the machine it shares. */
export const LOADTEST_LIMITS = {
  maxDurationSeconds: 600,
  maxRatePerSecond: 2_000,
  maxConnections: 256,
  maxWarmupSeconds: 120,
} as const;

export const LOADTEST_USAGE = `usage: npm run loadtest -- <scenario> [--duration <seconds per phase>] [--rate <arrivals/s>]
       [--warmup <seconds>] [--base-url <url>] [--closed-loop] [--connections <n>] [--out <file.json>]`;

/** Thrown for a command line that cannot run; its message is meant for the person who typed it. */
export class LoadtestUsageError extends Error {}

function numberOption(name: string, raw: string | undefined, min: number, max: number): number {
  const value = Number(raw);
  if (raw === undefined || raw === '' || !Number.isFinite(value) || value < min || value > max) {
    throw new LoadtestUsageError(
      `--${name} must be a number from ${min} to ${max} (got ${JSON.stringify(raw)})`,
    );
  }
  return value;
}

/**
 * Parses the arguments after `npm run loadtest --`. Without `--base-url` the target is the local
 * stack's gateway, on the port `npm start` gives it (`MICROSHOP_PORT_BASE` moves both); only a
 * flag typed on the command line may point the load anywhere but this machine.
 */
export function parseLoadtestOptions(
  argv: readonly string[],
  env: NodeJS.ProcessEnv = {},
): LoadtestOptions {
  const [scenario, ...rest] = argv;
  if (!scenario || scenario.startsWith('--')) throw new LoadtestUsageError('which scenario?');
  const options: LoadtestOptions = {
    scenario,
    durationSeconds: 30,
    warmupSeconds: 10,
    baseUrl: `http://127.0.0.1:${stackSettingsFrom(env).ports.gateway}`,
    closedLoop: false,
    connections: 16,
  };
  for (let i = 0; i < rest.length; i++) {
    const flag = rest[i]!;
    const value = () => {
      const next = rest[++i];
      if (next === undefined) throw new LoadtestUsageError(`${flag} needs a value`);
      return next;
    };
    switch (flag) {
      case '--duration':
        options.durationSeconds = numberOption(
          'duration',
          value(),
          1,
          LOADTEST_LIMITS.maxDurationSeconds,
        );
        break;
      case '--rate':
        options.ratePerSecond = numberOption(
          'rate',
          value(),
          0.1,
          LOADTEST_LIMITS.maxRatePerSecond,
        );
        break;
      case '--warmup':
        options.warmupSeconds = numberOption(
          'warmup',
          value(),
          0,
          LOADTEST_LIMITS.maxWarmupSeconds,
        );
        break;
      case '--connections':
        options.connections = Math.round(
          numberOption('connections', value(), 1, LOADTEST_LIMITS.maxConnections),
        );
        break;
      case '--base-url':
        options.baseUrl = value();
        break;
      case '--closed-loop':
        options.closedLoop = true;
        break;
      case '--out':
        options.out = value();
        break;
      default:
        throw new LoadtestUsageError(`unknown option ${flag}`);
    }
  }
  options.baseUrl = checkedBaseUrl(options.baseUrl);
  return options;
}

const LOOPBACK_HOSTS = new Set(['localhost', '[::1]', '::1']);

/** Whether a host name is this machine (127.0.0.0/8, ::1, localhost). */
export function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK_HOSTS.has(hostname) || /^127(\.\d{1,3}){3}$/.test(hostname);
}

function checkedBaseUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new LoadtestUsageError(`--base-url must be an http(s) URL (got ${JSON.stringify(raw)})`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new LoadtestUsageError(`--base-url must be an http(s) URL (got ${JSON.stringify(raw)})`);
  }
  return url.origin;
}
