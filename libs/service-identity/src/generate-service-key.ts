import { generateKeyPairSync, randomBytes } from 'node:crypto';
import type { ServiceName } from '#libs/contracts';
import type { ServicePrivateKey } from './service-keys.js';

/**
 * A new Ed25519 signing key for `service`. Its `kid` names the service and the day it was made
 * (`gateway-20260105-3f9a`), so logs and key files say whose key a token was signed with and how
 * old it is. Synchronous on purpose: tools create keys while they assemble an environment.
 */
export function generateServiceKey(service: ServiceName, now = new Date()): ServicePrivateKey {
  const { privateKey } = generateKeyPairSync('ed25519');
  const jwk = privateKey.export({ format: 'jwk' });
  const day = now.toISOString().slice(0, 10).replaceAll('-', '');
  const kid = `${service}-${day}-${randomBytes(2).toString('hex')}`;
  return { kty: 'OKP', crv: 'Ed25519', x: jwk.x ?? '', d: jwk.d ?? '', kid };
}
