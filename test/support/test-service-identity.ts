import type { ServiceName } from '#libs/contracts';
import {
  generateServiceKey,
  publicKeyOf,
  type ServicePublicKey,
  ServiceTokenSigner,
} from '#libs/service-identity';

export interface TestServiceIdentity {
  /** `SERVICE_SIGNING_KEY` and `SERVICE_TRUSTED_KEYS` for the app under test. */
  env: { SERVICE_SIGNING_KEY: string; SERVICE_TRUSTED_KEYS: string };
  /** Headers that make a test's call to the app a signed call from the test's caller. */
  headers(): Promise<{ authorization: string }>;
  /** The public key of the app under test, for checking the tokens it sends to others. */
  appPublicKey: ServicePublicKey;
}

/**
 * Fresh keys for an app started in a test: the app gets its own signing key and trusts one
 * caller (the gateway unless told otherwise), whose signed calls the test then makes. Every
 * service refuses unsigned calls, so each app's test client adds these headers to its requests.
 */
export function testServiceIdentity(
  app: ServiceName,
  caller: ServiceName = 'gateway',
): TestServiceIdentity {
  const appKey = generateServiceKey(app);
  const callerKey = generateServiceKey(caller);
  const signer = new ServiceTokenSigner({ service: caller, signingKey: callerKey });
  return {
    env: {
      SERVICE_SIGNING_KEY: JSON.stringify(appKey),
      SERVICE_TRUSTED_KEYS: JSON.stringify({ [caller]: [publicKeyOf(callerKey)] }),
    },
    headers: async () => ({ authorization: await signer.authorizationFor(app) }),
    appPublicKey: publicKeyOf(appKey),
  };
}
