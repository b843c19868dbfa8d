import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SERVICE_NAMES, type ServiceName } from '#libs/contracts';
import {
  generateServiceKey,
  publicKeyOf,
  servicePrivateKeySchema,
  type ServicePrivateKey,
  type TrustedServiceKeys,
} from '#libs/service-identity';

/**
 * The local stack's signing keys, one Ed25519 key per service in `<keysDir>/<service>.jwk.json`,
 * made the first time they are needed and kept across restarts (so tokens minted with
 * `npm run token` stay valid while the stack runs). Development keys only: compose and Kubernetes
 * take theirs from secrets.
 */
export function localServiceKeys(keysDir: string): Record<ServiceName, ServicePrivateKey> {
  mkdirSync(keysDir, { recursive: true, mode: 0o700 });
  return Object.fromEntries(
    SERVICE_NAMES.map((service) => [
      service,
      ensureKey(join(keysDir, `${service}.jwk.json`), service),
    ]),
  ) as Record<ServiceName, ServicePrivateKey>;
}

/**
 * The two variables that give `app` its identity in the local stack: `SERVICE_SIGNING_KEY` (its
 * own private key) and `SERVICE_TRUSTED_KEYS` (every other service's public key, by service name).
 * Every service trusts every other one here; which calls a callee accepts is its own business.
 */
export function localServiceIdentityEnv(
  keysDir: string,
  app: ServiceName,
): { SERVICE_SIGNING_KEY: string; SERVICE_TRUSTED_KEYS: string } {
  const keys = localServiceKeys(keysDir);
  const trusted: TrustedServiceKeys = Object.fromEntries(
    SERVICE_NAMES.filter((caller) => caller !== app).map((caller) => [
      caller,
      [publicKeyOf(keys[caller])],
    ]),
  );
  return {
    SERVICE_SIGNING_KEY: JSON.stringify(keys[app]),
    SERVICE_TRUSTED_KEYS: JSON.stringify(trusted),
  };
}

function ensureKey(file: string, service: ServiceName): ServicePrivateKey {
  if (existsSync(file)) {
    return servicePrivateKeySchema.parse(JSON.parse(readFileSync(file, 'utf8')));
  }
  const key = generateServiceKey(service);
  // `wx`: when two processes race to create the key, the second fails instead of overwriting it.
  try {
    writeFileSync(file, `${JSON.stringify(key, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
    return key;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return servicePrivateKeySchema.parse(JSON.parse(readFileSync(file, 'utf8')));
  }
}
