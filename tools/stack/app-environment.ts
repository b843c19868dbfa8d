import { SERVICES, type ServiceName } from '#libs/contracts';
import type { ServiceDatabase } from '../infra/postgres/service-database.js';
import { localServiceIdentityEnv } from '../token/local-service-keys.js';

export interface StackEndpoints {
  ports: Record<ServiceName, number>;
  kafkaBrokers: string[];
  databaseUrls: Partial<Record<ServiceName, string>>;
  /** The Redis that holds shared rate-limit counters (promotion's `REDIS_URL`), when there is one. */
  redisUrl?: string;
}

/**
 * The environment each app gets from the local stack. The names are exactly those that
 * docker-compose.yml and k8s/ set (a static test checks both against the apps' config schemas),
 * so the local stack runs the same processes with the same configuration surface.
 *
 * Service identity comes from the keys in `keysDir` (`<data dir>/keys`, created on first use),
 * the same ones `npm run token` signs with, so its tokens work against the running stack. The
 * gateway is the public entry: no service calls it, so it is given no trusted keys.
 */
export function appEnvironment(
  app: ServiceName,
  endpoints: StackEndpoints,
  keysDir: string,
): NodeJS.ProcessEnv {
  const local = (name: ServiceName) => `http://127.0.0.1:${endpoints.ports[name]}`;
  const env: NodeJS.ProcessEnv = { PORT: String(endpoints.ports[app]), HOST: '127.0.0.1' };
  if (SERVICES[app].ownsDatabase) {
    env.DATABASE_URL = endpoints.databaseUrls[app];
    env.KAFKA_BROKERS = endpoints.kafkaBrokers.join(',');
  }
  for (const callee of CALLS[app]) env[`${callee.toUpperCase()}_URL`] = local(callee);
  const identity = localServiceIdentityEnv(keysDir, app);
  env.SERVICE_SIGNING_KEY = identity.SERVICE_SIGNING_KEY;
  if (app !== 'gateway') env.SERVICE_TRUSTED_KEYS = identity.SERVICE_TRUSTED_KEYS;
  // Rate-limit counters and runtime quota changes, shared by every promotion replica.
  if (app === 'promotion' && endpoints.redisUrl) env.REDIS_URL = endpoints.redisUrl;
  // The local stack is for demos and scenarios: admins may switch faults on (docs/fault-injection.md).
  if (FAULT_INJECTABLE.includes(app)) env.FAULT_INJECTION = 'on';
  return env;
}

/** The services built with `#libs/fault-injection`. */
const FAULT_INJECTABLE: ServiceName[] = ['product', 'promotion', 'recommendation'];

/** Which services each app calls over HTTP; each callee's address is `<CALLEE>_URL`. */
const CALLS: Record<ServiceName, ServiceName[]> = {
  gateway: ['product', 'order', 'promotion', 'recommendation'],
  order: ['product', 'promotion'],
  // Only the promotionFlood fault uses it: the runaway caller of docs/rate-limiting.md.
  product: ['promotion'],
  promotion: [],
  recommendation: [],
};

/**
 * Each service's database and user. Development credentials only: the local stack binds to
 * 127.0.0.1, and compose and Kubernetes take theirs from their own secrets.
 */
export function serviceDatabaseFor(app: ServiceName): ServiceDatabase {
  return { database: app, user: app, password: `${app}-dev-password` };
}
