import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/** An absolute path from a path relative to the repository root. */
export const repoPath = (relative: string) => join(repoRoot, relative);

export const readRepoFile = (relative: string) => readFileSync(repoPath(relative), 'utf8');

type EnvironmentValue = string | number | boolean | null;

/** The parts of a compose service these checks read (compose-spec field names). */
export interface ComposeService {
  image?: string;
  build?:
    string | { context?: string; dockerfile?: string; args?: Record<string, EnvironmentValue> };
  env_file?: string | (string | { path: string; required?: boolean })[];
  environment?: Record<string, EnvironmentValue> | string[];
  depends_on?: string[] | Record<string, { condition?: string }>;
  healthcheck?: { test?: string | string[]; disable?: boolean };
  profiles?: string[];
  ports?: (string | number | { target: number; published?: string | number; host_ip?: string })[];
  mem_limit?: string | number;
  deploy?: { resources?: { limits?: { memory?: string | number } } };
  stop_grace_period?: string;
  restart?: string;
  volumes?: (string | { source?: string; target: string })[];
  entrypoint?: string | string[];
  command?: string | string[];
}

export interface ComposeFile {
  name?: string;
  services: Record<string, ComposeService>;
}

/** docker-compose.yml, with YAML merge keys (`<<: *app`) resolved as Compose resolves them. */
export function readComposeFile(): ComposeFile {
  return parse(readRepoFile('docker-compose.yml'), { merge: true }) as ComposeFile;
}

/**
 * A service's environment as the container sees it: its `env_file`s in order, then `environment`,
 * which wins. A name without a value is passed through from the host's shell, which nothing
 * guarantees, so it counts as unset (`undefined`).
 */
export function environmentOf(service: ComposeService): Record<string, string | undefined> {
  const envFiles = [service.env_file ?? []].flat();
  const fromFiles = envFiles.map((file) =>
    readEnvFile(typeof file === 'string' ? file : file.path),
  );
  return Object.assign({}, ...fromFiles, environmentEntriesOf(service));
}

/**
 * An env file (`NAME=value` lines, `#` comments), relative to the repository root as Compose reads
 * it relative to the compose file. Values are taken literally; what Compose would not take
 * literally (quotes it strips, `$` it interpolates, ` #` starting a comment) is refused, not misread.
 */
function readEnvFile(relative: string): Record<string, string> {
  const lines = readRepoFile(relative)
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.trimStart().startsWith('#'));
  return Object.fromEntries(
    lines.map((line) => {
      const [, name, value] = /^([A-Za-z_]\w*)=(.*)$/.exec(line) ?? [];
      if (name === undefined || value === undefined || /^['"]|\$| #/.test(value)) {
        throw new Error(`${relative}: cannot read "${line.slice(0, 40)}..." literally`);
      }
      return [name, value];
    }),
  );
}

function environmentEntriesOf(service: ComposeService): Record<string, string | undefined> {
  const environment = service.environment ?? {};
  const entries = Array.isArray(environment)
    ? environment.map((line) => {
        const equals = line.indexOf('=');
        return equals === -1 ? [line, undefined] : [line.slice(0, equals), line.slice(equals + 1)];
      })
    : Object.entries(environment).map(([name, value]) => [
        name,
        value === null ? undefined : String(value),
      ]);
  return Object.fromEntries(entries);
}

/** Each dependency with its condition; the short list form means `service_started`. */
export function dependenciesOf(service: ComposeService): Record<string, string> {
  const dependsOn = service.depends_on ?? {};
  return Array.isArray(dependsOn)
    ? Object.fromEntries(dependsOn.map((name) => [name, 'service_started']))
    : Object.fromEntries(
        Object.entries(dependsOn).map(([name, { condition }]) => [
          name,
          condition ?? 'service_started',
        ]),
      );
}

/** The value of a build arg, whichever form `build` takes. */
export function buildArg(service: ComposeService, name: string): string | undefined {
  if (typeof service.build !== 'object') return undefined;
  const value = service.build.args?.[name];
  return value === null || value === undefined ? undefined : String(value);
}

const DURATION_UNITS_MS: Record<string, number> = { h: 3_600_000, m: 60_000, s: 1_000, ms: 1 };

/** A compose duration such as `1m30s` or `15s`, in milliseconds. */
export function durationMs(duration: string): number {
  const parts = [...duration.matchAll(/(\d+(?:\.\d+)?)(ms|h|m|s)/g)];
  if (parts.map(([part]) => part).join('') !== duration) {
    throw new Error(`not a compose duration: ${duration}`);
  }
  return parts.reduce((sum, [, value, unit]) => sum + Number(value) * DURATION_UNITS_MS[unit!]!, 0);
}

const SIZE_UNITS: Record<string, number> = { '': 1, b: 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 };

/** A compose byte size such as `160m` or `1g` (binary units, as Docker reads them), in bytes. */
export function sizeBytes(size: string | number): number {
  if (typeof size === 'number') return size;
  const match = /^(\d+(?:\.\d+)?)\s*([bkmg]?)b?$/i.exec(size.trim());
  if (!match) throw new Error(`not a compose byte size: ${size}`);
  return Number(match[1]) * SIZE_UNITS[match[2]!.toLowerCase()]!;
}

/** The host ports a service publishes (a bare container port publishes an ephemeral one: none). */
export function publishedPorts(service: ComposeService): number[] {
  return (service.ports ?? []).flatMap((port) => {
    const published =
      typeof port === 'object'
        ? port.published
        : String(port)
            .replace(/\/(tcp|udp)$/, '')
            .split(':')
            .slice(0, -1)
            .at(-1);
    if (published === undefined || published === '') return [];
    const [first, last = first] = String(published).split('-').map(Number);
    return Array.from({ length: last! - first! + 1 }, (_, offset) => first! + offset);
  });
}
