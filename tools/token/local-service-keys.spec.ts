import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import {
  serviceSigningKeyVariable,
  serviceTrustedKeysVariable,
  ServiceTokenSigner,
  ServiceTokenVerifier,
} from '#libs/service-identity';
import { localServiceIdentityEnv, localServiceKeys } from './local-service-keys.js';

const identityEnv = z.object({
  SERVICE_SIGNING_KEY: serviceSigningKeyVariable(),
  SERVICE_TRUSTED_KEYS: serviceTrustedKeysVariable(),
});

describe('local service keys', () => {
  let keysDir: string;

  beforeEach(() => {
    keysDir = join(mkdtempSync(join(tmpdir(), 'microshop-keys-')), 'keys');
  });

  afterEach(() => {
    rmSync(join(keysDir, '..'), { recursive: true, force: true });
  });

  it('creates one private key per service, readable by its owner only, and keeps it', () => {
    const first = localServiceKeys(keysDir);

    expect(readdirSync(keysDir).sort()).toEqual([
      'gateway.jwk.json',
      'order.jwk.json',
      'product.jwk.json',
      'promotion.jwk.json',
      'recommendation.jwk.json',
    ]);
    expect(statSync(join(keysDir, 'gateway.jwk.json')).mode & 0o777).toBe(0o600);
    expect(localServiceKeys(keysDir)).toEqual(first);
  });

  it("gives each service an environment that accepts the other services' tokens", async () => {
    const gateway = identityEnv.parse(localServiceIdentityEnv(keysDir, 'gateway'));
    const product = identityEnv.parse(localServiceIdentityEnv(keysDir, 'product'));
    const signer = new ServiceTokenSigner({
      service: 'gateway',
      signingKey: gateway.SERVICE_SIGNING_KEY,
    });
    const verifier = new ServiceTokenVerifier({
      service: 'product',
      trustedKeys: product.SERVICE_TRUSTED_KEYS,
    });

    await expect(verifier.verify(await signer.tokenFor('product'))).resolves.toMatchObject({
      service: 'gateway',
    });
    expect(Object.keys(product.SERVICE_TRUSTED_KEYS).sort()).toEqual([
      'gateway',
      'order',
      'promotion',
      'recommendation',
    ]);
  });

  it('holds no private key in the trusted keys it hands out', () => {
    const { SERVICE_TRUSTED_KEYS } = localServiceIdentityEnv(keysDir, 'order');
    expect(SERVICE_TRUSTED_KEYS).not.toContain('"d"');
  });
});
