import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

/**
 * The uid and gid to run the PostgreSQL server as: those of the `postgres` OS user when this
 * process is root (PostgreSQL refuses to run as root), none otherwise. The user is created by the
 * first initdb (see start-embedded-postgres.ts).
 */
export async function postgresOsUser(): Promise<{ uid: number; gid: number } | undefined> {
  if (process.getuid?.() !== 0) return undefined;
  const idOf = async (flag: '-u' | '-g') =>
    Number.parseInt((await execFileAsync('id', [flag, 'postgres'])).stdout, 10);
  try {
    const [uid, gid] = await Promise.all([idOf('-u'), idOf('-g')]);
    return { uid, gid };
  } catch (error) {
    throw new Error(
      'As root, PostgreSQL runs as the "postgres" OS user, and there is none: remove the data directory so that the next start initialises it (and creates the user), or create the user.',
      { cause: error },
    );
  }
}
