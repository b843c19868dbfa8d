import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/** Where results go by default: inside `.data/`, which git ignores. */
export const RESULTS_DIR = '.data/loadtest';

/** Writes a run's result as JSON and returns the file's path. */
export function writeResultFile(
  scenario: string,
  result: unknown,
  out?: string,
  now: Date = new Date(),
): string {
  const path = resolve(
    out ?? `${RESULTS_DIR}/${scenario}-${now.toISOString().replaceAll(':', '-')}.json`,
  );
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(result, null, 2)}\n`);
  return path;
}
