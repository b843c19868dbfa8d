import { join } from 'node:path';
import { requireCommand } from '../process/require-command.js';

const MINIMUM_JAVA = 17;
const HINT =
  'The local Kafka broker needs Java 17 or newer (e.g. `apt-get install openjdk-17-jre-headless`); or set KAFKA_BROKERS=host:port to use a running broker.';

/**
 * The `java` to run the broker with (`$JAVA_HOME/bin/java` when JAVA_HOME is set), after checking
 * that it exists and is new enough for Kafka 4.
 */
export function requireJava(env: NodeJS.ProcessEnv): string {
  const java = env.JAVA_HOME ? join(env.JAVA_HOME, 'bin', 'java') : 'java';
  const output = requireCommand(java, ['-version'], HINT, env);
  // `version "17.0.15"`, or `version "1.8.0_402"` for Java 8 and older.
  const [, first, second] = /version "(\d+)(?:\.(\d+))?/.exec(output) ?? [];
  const major = first === '1' ? Number(second) : Number(first);
  if (!(major >= MINIMUM_JAVA)) {
    throw new Error(`\`${java}\` is Java ${major || 'of unknown version'}. ${HINT}`);
  }
  return java;
}
