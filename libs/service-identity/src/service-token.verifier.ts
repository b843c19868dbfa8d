import { type CryptoKey, decodeProtectedHeader, errors, importJWK, jwtVerify } from 'jose';
import type { ServiceName } from '#libs/contracts';
import type { TrustedServiceKeys } from './service-keys.js';
import { ServiceTokenRejected, type ServiceTokenRejection } from './service-token.rejected.js';
import { SERVICE_TOKEN } from './service-token.js';
import type { VerifiedCaller } from './verified-caller.js';
import { VerifiedTokensCache } from './verified-tokens.cache.js';

export interface ServiceTokenVerifierOptions {
  /** The service being called: tokens must name it as their audience. */
  service: ServiceName;
  trustedKeys: TrustedServiceKeys;
  /** Clock skew tolerated between services. Default 5 s. */
  clockToleranceSeconds?: number;
  /** Milliseconds since the epoch; tests pass a fake clock. */
  now?: () => number;
}

interface TrustedKey {
  owner: ServiceName;
  key: Promise<CryptoKey | Uint8Array>;
}

/**
 * Decides who is calling from a service token. The key is chosen by the token's `kid` among the
 * trusted callers' keys, and the token must then name that key's owner as its issuer: holding one
 * service's key never lets a caller speak as another.
 */
export class ServiceTokenVerifier {
  private readonly keys = new Map<string, TrustedKey>();
  private readonly verified = new VerifiedTokensCache();
  private readonly clockToleranceSeconds: number;
  private readonly now: () => number;

  constructor(private readonly options: ServiceTokenVerifierOptions) {
    for (const [owner, keys] of Object.entries(options.trustedKeys)) {
      for (const key of keys ?? []) {
        this.keys.set(key.kid, {
          owner: owner as ServiceName,
          key: importJWK(key, SERVICE_TOKEN.algorithm),
        });
      }
    }
    this.clockToleranceSeconds = options.clockToleranceSeconds ?? 5;
    this.now = options.now ?? Date.now;
  }

  /** The verified caller, or a {@link ServiceTokenRejected} saying why not. */
  async verify(token: string): Promise<VerifiedCaller> {
    const now = this.now();
    const known = this.verified.get(token, now);
    if (known) return known;

    const keyId = this.keyIdOf(token);
    const trusted = this.keys.get(keyId);
    if (!trusted) throw new ServiceTokenRejected('unknown-key', `no trusted key ${keyId}`);
    try {
      const { payload } = await jwtVerify(token, await trusted.key, {
        algorithms: [SERVICE_TOKEN.algorithm],
        typ: SERVICE_TOKEN.type,
        issuer: trusted.owner,
        subject: trusted.owner,
        audience: this.options.service,
        requiredClaims: ['iat', 'exp'],
        maxTokenAge: SERVICE_TOKEN.maxLifetimeSeconds,
        clockTolerance: this.clockToleranceSeconds,
        currentDate: new Date(now),
      });
      const expiresAt = Math.min(
        payload.exp ?? 0,
        (payload.iat ?? 0) + SERVICE_TOKEN.maxLifetimeSeconds,
      );
      const caller = { service: trusted.owner, keyId, validUntil: expiresAt * 1000 };
      this.verified.remember(token, caller);
      return caller;
    } catch (error) {
      throw new ServiceTokenRejected(rejectionFor(error), (error as Error).message);
    }
  }

  private keyIdOf(token: string): string {
    let kid: unknown;
    try {
      kid = decodeProtectedHeader(token).kid;
    } catch {
      throw new ServiceTokenRejected('malformed', 'not a JWT');
    }
    if (typeof kid !== 'string') throw new ServiceTokenRejected('malformed', 'no kid in header');
    return kid;
  }
}

function rejectionFor(error: unknown): ServiceTokenRejection {
  if (error instanceof errors.JWTExpired) return error.claim === 'iat' ? 'too-old' : 'expired';
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'bad-signature';
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'aud') return 'wrong-audience';
    if (error.claim === 'iss' || error.claim === 'sub') return 'wrong-issuer';
  }
  return 'malformed';
}
