import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { AccessTokenRejected } from '../access-tokens/access-token-rejected.js';
import { AccessTokens } from '../access-tokens/access-tokens.js';
import { rememberAuthentication } from './authentication.js';

const BEARER = /^Bearer (\S+)$/i;

/**
 * Reads the access token, if any, once per request, before the rate limiter (which counts per
 * user when it knows one) and the route guards (which decide with what it found).
 */
@Injectable()
export class IdentifyCallerMiddleware implements NestMiddleware {
  constructor(private readonly tokens: AccessTokens) {}

  async use(request: IncomingMessage, _response: ServerResponse, next: () => void): Promise<void> {
    const token = BEARER.exec(request.headers.authorization ?? '')?.[1];
    if (token) {
      try {
        rememberAuthentication(request, {
          state: 'authenticated',
          user: await this.tokens.verify(token),
        });
      } catch (error) {
        if (!(error instanceof AccessTokenRejected)) throw error;
        rememberAuthentication(request, { state: 'rejected', reason: error.reason });
      }
    }
    next();
  }
}
