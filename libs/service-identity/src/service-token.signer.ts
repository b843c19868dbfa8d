import { type CryptoKey, importJWK, SignJWT } from 'jose';
import type { ServiceName } from '#libs/contracts';
import type { ServicePrivateKey } from './service-keys.js';
import { SERVICE_TOKEN } from './service-token.js';

export interface ServiceTokenSignerOptions {
  /** The calling service: the token's `iss` and `sub`. */
  service: ServiceName;
  signingKey: ServicePrivateKey;
  /** Defaults to {@link SERVICE_TOKEN.lifetimeSeconds}. */
  lifetimeSeconds?: number;
  /** A token is replaced this long before it expires, so none expires on its way. Default 15. */
  renewBeforeSeconds?: number;
  /** Milliseconds since the epoch; tests pass a fake clock. */
  now?: () => number;
}

interface CachedToken {
  token: Promise<string>;
  renewAt: number;
}

/**
 * Mints the short-lived token that names this service to a callee, one per audience, and reuses it
 * until shortly before it expires: signing costs tens of microseconds, a cache hit nothing, and a
 * callee that caches verified tokens verifies each one once.
 */
export class ServiceTokenSigner {
  private readonly tokens = new Map<ServiceName, CachedToken>();
  private readonly key: Promise<CryptoKey | Uint8Array>;
  private readonly lifetimeSeconds: number;
  private readonly renewBeforeSeconds: number;
  private readonly now: () => number;

  constructor(private readonly options: ServiceTokenSignerOptions) {
    this.key = importJWK(options.signingKey, SERVICE_TOKEN.algorithm);
    this.lifetimeSeconds = options.lifetimeSeconds ?? SERVICE_TOKEN.lifetimeSeconds;
    this.renewBeforeSeconds = Math.min(options.renewBeforeSeconds ?? 15, this.lifetimeSeconds / 2);
    this.now = options.now ?? Date.now;
  }

  /** A token for calls to `audience`, valid for at least `renewBeforeSeconds` more. */
  tokenFor(audience: ServiceName): Promise<string> {
    const now = this.now();
    const cached = this.tokens.get(audience);
    if (cached && now < cached.renewAt) return cached.token;

    const issuedAt = Math.floor(now / 1000);
    const entry: CachedToken = {
      token: this.sign(audience, issuedAt),
      renewAt: (issuedAt + this.lifetimeSeconds - this.renewBeforeSeconds) * 1000,
    };
    this.tokens.set(audience, entry);
    // A failed signing must not be served from the cache to every later call.
    entry.token.catch(() => {
      if (this.tokens.get(audience) === entry) this.tokens.delete(audience);
    });
    return entry.token;
  }

  /** The `Authorization` header value for calls to `audience`. */
  async authorizationFor(audience: ServiceName): Promise<string> {
    return `Bearer ${await this.tokenFor(audience)}`;
  }

  private async sign(audience: ServiceName, issuedAt: number): Promise<string> {
    const { service, signingKey } = this.options;
    return new SignJWT({})
      .setProtectedHeader({
        alg: SERVICE_TOKEN.algorithm,
        typ: SERVICE_TOKEN.type,
        kid: signingKey.kid,
      })
      .setIssuer(service)
      .setSubject(service)
      .setAudience(audience)
      .setIssuedAt(issuedAt)
      .setExpirationTime(issuedAt + this.lifetimeSeconds)
      .sign(await this.key);
  }
}
