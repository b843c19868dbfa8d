import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdir, rename, rm } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { requireCommand } from '../process/require-command.js';
import { EMBEDDED_REDIS_ARTIFACT, redisServerBinaryName } from './redis-server-artifact.js';

const execFileAsync = promisify(execFile);
const MAVEN_HINT =
  'Downloading the local Redis needs Maven (e.g. `apt-get install maven`); or set REDIS_URL=redis://host:port to use a running Redis.';
const DEPENDENCY_PLUGIN = 'org.apache.maven.plugins:maven-dependency-plugin:3.8.1';

/**
 * The path of a runnable `redis-server` in `${XDG_CACHE_HOME:-~/.cache}/microshop/redis/`. The
 * first call unpacks it from the `embedded-redis` jar on Maven Central (about 10 MB); later calls
 * find it at once. It is unpacked beside its final place and moved in whole.
 */
export async function fetchRedisServer(
  log: (line: string) => void,
  env: NodeJS.ProcessEnv = process.env,
): Promise<string> {
  const binary = redisServerBinaryName();
  const cacheDir = join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'microshop', 'redis');
  const target = join(cacheDir, binary);
  if (existsSync(target)) return target;

  requireCommand('mvn', ['--version'], MAVEN_HINT, env);
  log(
    `Fetching redis-server (${binary}) from Maven Central into ${cacheDir}; only the first start does this.`,
  );
  const partialDir = join(cacheDir, 'partial');
  await rm(partialDir, { recursive: true, force: true });
  await mkdir(partialDir, { recursive: true });
  try {
    await execFileAsync(
      'mvn',
      [
        ...['-q', '-B', `${DEPENDENCY_PLUGIN}:unpack`],
        `-Dartifact=${EMBEDDED_REDIS_ARTIFACT}`,
        `-DoutputDirectory=${partialDir}`,
        `-Dmdep.unpack.includes=${binary}`,
      ],
      { maxBuffer: 16 * 1024 * 1024, env, cwd: cacheDir },
    );
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    const tail = `${stdout}${stderr}`.trim().split('\n').slice(-15).join('\n');
    throw new Error(`Maven could not fetch ${EMBEDDED_REDIS_ARTIFACT}:\n${tail}`, { cause: error });
  }
  await chmod(join(partialDir, binary), 0o755);
  await rename(join(partialDir, binary), target);
  await rm(partialDir, { recursive: true, force: true });
  return target;
}
