import type { LocalKafka } from '../../tools/infra/kafka/local-kafka.js';
import type { LocalPostgres } from '../../tools/infra/postgres/local-postgres.js';
import type { LocalRedis } from '../../tools/infra/redis/local-redis.js';

/** What Jest's global setup started, handed to its global teardown. */
export interface TestInfrastructure {
  postgres?: LocalPostgres;
  kafka?: LocalKafka;
  redis?: LocalRedis;
  /** Lets the next integration test run in this checkout start (see test-run-lock.ts). */
  releaseLock?: () => void;
}

// Global setup and teardown run in Jest's main process but load their modules separately, so the
// handles travel on globalThis (the way Jest documents), under a key no test would use.
const KEY = Symbol.for('microshop.test-infrastructure');
const holder = globalThis as { [KEY]?: TestInfrastructure };

/** Keeps the started servers for the global teardown. */
export function keepTestInfrastructure(infrastructure: TestInfrastructure): void {
  holder[KEY] = infrastructure;
}

/** What the global setup started (nothing if it failed early), forgotten after this call. */
export function takeTestInfrastructure(): TestInfrastructure {
  const infrastructure = holder[KEY] ?? {};
  delete holder[KEY];
  return infrastructure;
}
