import { z } from 'zod';
import { loadConfig } from '#libs/config';
import { generateServiceKey } from './generate-service-key.js';
import { serviceSigningKeyVariable, serviceTrustedKeysVariable } from './service-identity.env.js';
import { publicKeyOf } from './service-keys.js';

const schema = z.object({
  SERVICE_SIGNING_KEY: serviceSigningKeyVariable(),
  SERVICE_TRUSTED_KEYS: serviceTrustedKeysVariable(),
});
const key = generateServiceKey('order');
const env = {
  SERVICE_SIGNING_KEY: JSON.stringify(key),
  SERVICE_TRUSTED_KEYS: JSON.stringify({ gateway: [publicKeyOf(generateServiceKey('gateway'))] }),
};

describe('service identity variables', () => {
  it('parse the JSON the local stack and deployments write', () => {
    expect(loadConfig(schema, env).SERVICE_SIGNING_KEY).toEqual(key);
  });

  it('name the variable when it is not JSON', () => {
    expect(() => loadConfig(schema, { ...env, SERVICE_SIGNING_KEY: '{oops' })).toThrow(
      /^config error: SERVICE_SIGNING_KEY must be an Ed25519 private JWK/,
    );
  });

  it('refuse a private key where public ones belong', () => {
    const leaked = JSON.stringify({ order: [key] });
    expect(() => loadConfig(schema, { ...env, SERVICE_TRUSTED_KEYS: leaked })).toThrow(
      /SERVICE_TRUSTED_KEYS/,
    );
  });

  it('refuse callers that are not services of this system', () => {
    const unknown = JSON.stringify({ intruder: [publicKeyOf(key)] });
    expect(() => loadConfig(schema, { ...env, SERVICE_TRUSTED_KEYS: unknown })).toThrow(
      /SERVICE_TRUSTED_KEYS/,
    );
  });
});
