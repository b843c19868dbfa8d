import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { requireCommand } from '../process/require-command.js';
import { readKafkaPom } from './kafka-pom.js';

const execFileAsync = promisify(execFile);
const MAVEN_HINT =
  'Downloading the local Kafka broker needs Maven (e.g. `apt-get install maven`); or set KAFKA_BROKERS=host:port to use a running broker.';

/**
 * Makes the broker's jars available in `${XDG_CACHE_HOME:-~/.cache}/microshop/kafka-<version>/jars`
 * and returns that directory. The first call downloads them with Maven; later calls find the
 * completion marker and return at once. The marker holds the pom's digest and is written only after
 * a complete download, so an interrupted download, or a changed pom, is fetched again.
 */
export async function fetchKafkaJars(
  log: (line: string) => void,
  env: NodeJS.ProcessEnv = process.env,
): Promise<string> {
  const pom = await readKafkaPom();
  const cacheRoot = env.XDG_CACHE_HOME || join(homedir(), '.cache');
  const cacheDir = join(cacheRoot, 'microshop', `kafka-${pom.kafkaVersion}`);
  const jarsDir = join(cacheDir, 'jars');
  const marker = join(cacheDir, 'jars.complete');
  const complete = (await readFile(marker, 'utf8').catch(() => '')) === pom.digest;
  // The jar check catches a cache emptied by hand, which would otherwise fail as ClassNotFound.
  if (complete && existsSync(join(jarsDir, `kafka_2.13-${pom.kafkaVersion}.jar`))) return jarsDir;

  requireCommand('mvn', ['--version'], MAVEN_HINT, env);
  log(
    `Fetching Apache Kafka ${pom.kafkaVersion} (about 45 MB) from Maven Central into ${cacheDir}; only the first start does this.`,
  );
  // Download beside the final place and move it in whole, so jarsDir never holds half a set.
  const partialDir = join(cacheDir, 'jars.partial');
  await mkdir(cacheDir, { recursive: true });
  await rm(marker, { force: true });
  await rm(partialDir, { recursive: true, force: true });
  try {
    await execFileAsync(
      'mvn',
      [
        ...['-q', '-B', '-f', pom.path],
        'dependency:copy-dependencies',
        `-DoutputDirectory=${partialDir}`,
      ],
      { maxBuffer: 16 * 1024 * 1024, env },
    );
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    const tail = `${stdout}${stderr}`.trim().split('\n').slice(-15).join('\n');
    throw new Error(`Maven could not fetch the Kafka jars (${pom.path}):\n${tail}`, {
      cause: error,
    });
  }
  await rm(jarsDir, { recursive: true, force: true });
  await rename(partialDir, jarsDir);
  await writeFile(marker, pom.digest);
  return jarsDir;
}
