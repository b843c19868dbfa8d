import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** The postmaster pid recorded in a data directory's `postmaster.pid`, if there is one. */
export async function readPostmasterPid(dataDir: string): Promise<number | undefined> {
  try {
    const firstLine = (await readFile(join(dataDir, 'postmaster.pid'), 'utf8')).split('\n')[0];
    const pid = Number.parseInt(firstLine ?? '', 10);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}
