import { SERVICE_NAMES, type ServiceName } from '#libs/contracts';
import {
  type ServicePrivateKey,
  ServiceTokenSigner,
  ServiceTokenVerifier,
  type TrustedServiceKeys,
} from '#libs/service-identity';
import { APP_CONFIG_SCHEMAS } from './app-config-schemas.js';

/** Each app's environment, as one deployment (compose, Kubernetes, the local stack) sets it. */
export type Environments = Record<ServiceName, Record<string, string | undefined>>;

interface Identity {
  signingKey: ServicePrivateKey;
  trustedKeys: TrustedServiceKeys;
}

function identityOf(app: ServiceName, envs: Environments): Identity {
  const config = APP_CONFIG_SCHEMAS[app].parse(envs[app]) as {
    SERVICE_SIGNING_KEY: ServicePrivateKey;
    SERVICE_TRUSTED_KEYS?: TrustedServiceKeys;
  };
  return { signingKey: config.SERVICE_SIGNING_KEY, trustedKeys: config.SERVICE_TRUSTED_KEYS ?? {} };
}

/** The calls each app is configured to make: a `<CALLEE>_URL` variable names the callee. */
export function configuredCalls(
  envs: Environments,
): { caller: ServiceName; callee: ServiceName }[] {
  return SERVICE_NAMES.flatMap((caller) =>
    SERVICE_NAMES.filter((callee) => envs[caller][`${callee.toUpperCase()}_URL`] !== undefined).map(
      (callee) => ({ caller, callee }),
    ),
  );
}

/**
 * The configured calls the callee would refuse with a 401, each with the reason: the check signs
 * a token with the caller's key and verifies it with the callee's trusted keys, as they would.
 */
export async function refusedCalls(envs: Environments): Promise<string[]> {
  const refusals = await Promise.all(
    configuredCalls(envs).map(async ({ caller, callee }) => {
      const signer = new ServiceTokenSigner({
        service: caller,
        signingKey: identityOf(caller, envs).signingKey,
      });
      const verifier = new ServiceTokenVerifier({
        service: callee,
        trustedKeys: identityOf(callee, envs).trustedKeys,
      });
      return verifier.verify(await signer.tokenFor(callee)).then(
        () => [],
        (error: Error) => [`${caller} -> ${callee}: ${error.message}`],
      );
    }),
  );
  return refusals.flat();
}

/** Callers an app trusts although none of them is configured to call it: trust to take back. */
export function needlessTrust(envs: Environments): string[] {
  const calls = configuredCalls(envs);
  return SERVICE_NAMES.flatMap((callee) =>
    Object.keys(identityOf(callee, envs).trustedKeys)
      .filter((caller) => !calls.some((call) => call.caller === caller && call.callee === callee))
      .map((caller) => `${callee} trusts ${caller}, which does not call it`),
  );
}

/** The `kid` of each app's signing key. */
export function signingKeyIds(envs: Environments): Record<ServiceName, string> {
  return Object.fromEntries(
    SERVICE_NAMES.map((app) => [app, identityOf(app, envs).signingKey.kid]),
  ) as Record<ServiceName, string>;
}

/** Apps that sign with the same key, and so could speak for each other. */
export function sharedSigningKeys(envs: Environments): string[] {
  const owners = new Map<string, ServiceName>();
  return SERVICE_NAMES.flatMap((app) => {
    const { x } = identityOf(app, envs).signingKey;
    const owner = owners.get(x);
    owners.set(x, owner ?? app);
    return owner ? [`${app} signs with the key of ${owner}`] : [];
  });
}
