import { Inject, Injectable } from '@nestjs/common';
import { errors, jwtVerify, SignJWT } from 'jose';
import { SERVICE_CONFIG } from '#libs/service-defaults';
import type { GatewayConfig } from '../../gateway.config.js';
import { ROLES, type Role } from '../accounts/role.js';
import { AccessTokenRejected } from './access-token-rejected.js';
import type { AuthenticatedUser } from './authenticated-user.js';

/**
 * The claims that make an access token ours: HS256 with the gateway's secret, `typ: at+jwt`
 * (RFC 9068), issued by and for the public API. Only the gateway issues and reads them, so a
 * shared secret is enough (docs/adr/0004-gateway-identity.md).
 */
const TOKEN = {
  algorithm: 'HS256',
  type: 'at+jwt',
  issuer: 'microshop-gateway',
  audience: 'microshop-api',
} as const;

/** Issues and verifies the short-lived access tokens customers and admins present. */
@Injectable()
export class AccessTokens {
  private readonly secret: Uint8Array;
  private readonly lifetimeSeconds: number;

  constructor(@Inject(SERVICE_CONFIG) config: GatewayConfig) {
    this.secret = new TextEncoder().encode(config.JWT_SECRET);
    this.lifetimeSeconds = Math.floor(config.ACCESS_TOKEN_TTL_MS / 1000);
  }

  get expiresInSeconds(): number {
    return this.lifetimeSeconds;
  }

  issue(user: AuthenticatedUser): Promise<string> {
    const issuedAt = Math.floor(Date.now() / 1000);
    return new SignJWT({ role: user.role })
      .setProtectedHeader({ alg: TOKEN.algorithm, typ: TOKEN.type })
      .setIssuer(TOKEN.issuer)
      .setAudience(TOKEN.audience)
      .setSubject(user.userId)
      .setIssuedAt(issuedAt)
      .setExpirationTime(issuedAt + this.lifetimeSeconds)
      .sign(this.secret);
  }

  /** The user the token proves, or an {@link AccessTokenRejected}. */
  async verify(token: string): Promise<AuthenticatedUser> {
    try {
      const { payload } = await jwtVerify(token, this.secret, {
        algorithms: [TOKEN.algorithm],
        typ: TOKEN.type,
        issuer: TOKEN.issuer,
        audience: TOKEN.audience,
        requiredClaims: ['sub', 'exp'],
      });
      const role = payload.role as Role;
      if (!payload.sub || !ROLES.includes(role)) throw new AccessTokenRejected('invalid');
      return { userId: payload.sub, role };
    } catch (error) {
      if (error instanceof AccessTokenRejected) throw error;
      throw new AccessTokenRejected(error instanceof errors.JWTExpired ? 'expired' : 'invalid');
    }
  }
}
