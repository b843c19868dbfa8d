import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const POM_PATH = join('infra', 'kafka', 'pom.xml');

/** The Maven project that pins the broker's jars. */
export interface KafkaPom {
  path: string;
  kafkaVersion: string;
  /** Changes whenever the pom does, so a cached jar set made from an older pom is refetched. */
  digest: string;
}

/**
 * Finds `infra/kafka/pom.xml` above this module (it runs both from `tools/` under Jest and from
 * `dist/tools/` after a build) and reads the Kafka version it pins.
 */
export async function readKafkaPom(): Promise<KafkaPom> {
  const path = findUpwards(dirname(fileURLToPath(import.meta.url)), POM_PATH);
  const text = await readFile(path, 'utf8');
  const kafkaVersion = /<kafka\.version>\s*([^<\s]+)\s*<\/kafka\.version>/.exec(text)?.[1];
  if (kafkaVersion === undefined) {
    throw new Error(`${path} does not define <kafka.version> in its <properties>.`);
  }
  return { path, kafkaVersion, digest: createHash('sha256').update(text).digest('hex') };
}

function findUpwards(start: string, relativePath: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    const candidate = join(dir, relativePath);
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) {
      throw new Error(`Could not find ${relativePath} in ${start} or any directory above it.`);
    }
  }
}
