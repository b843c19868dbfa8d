import { resolve } from 'node:path';
import { SERVICES, type ServiceName } from '#libs/contracts';

/**
 * Where the local stack puts things. Defaults suit one developer; the end-to-end tests override
 * them so a test stack can run beside a developer's.
 */
export interface StackSettings {
  dataDir: string;
  ports: Record<ServiceName, number>;
  postgresPort: number;
  kafkaPort: number;
  kafkaControllerPort: number;
  redisPort: number;
  logFormat: 'pretty' | 'json';
  readyTimeoutMs: number;
}

function integerFrom(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > 65535) {
    throw new Error(`stack: ${name} must be a port number (got ${JSON.stringify(raw)})`);
  }
  return value;
}

/** Reads the `MICROSHOP_*` variables that tune the local stack (documented in the README). */
export function stackSettingsFrom(env: NodeJS.ProcessEnv): StackSettings {
  const portBase = integerFrom(env, 'MICROSHOP_PORT_BASE', SERVICES.gateway.port);
  const ports = Object.fromEntries(
    Object.entries(SERVICES).map(([name, { port }]) => [
      name,
      portBase + port - SERVICES.gateway.port,
    ]),
  ) as Record<ServiceName, number>;
  const kafkaPort = integerFrom(env, 'MICROSHOP_KAFKA_PORT', 9092);
  return {
    dataDir: resolve(env.MICROSHOP_DATA_DIR ?? '.data'),
    ports,
    postgresPort: integerFrom(env, 'MICROSHOP_PG_PORT', 55432),
    kafkaPort,
    kafkaControllerPort: kafkaPort + 1,
    redisPort: integerFrom(env, 'MICROSHOP_REDIS_PORT', 56379),
    logFormat: env.MICROSHOP_LOG_FORMAT === 'json' ? 'json' : 'pretty',
    readyTimeoutMs: 180_000,
  };
}
