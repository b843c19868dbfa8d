import { Inject, Injectable, type NestMiddleware } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { SERVICE_CONFIG } from '#libs/service-defaults';
import type { GatewayConfig } from '../gateway.config.js';

const ALLOWED_METHODS = 'GET, HEAD, POST, PUT, PATCH, DELETE';
const ALLOWED_HEADERS = 'authorization, content-type, idempotency-key, x-request-id';
/** Headers a browser script may read from our answers. */
const EXPOSED_HEADERS =
  'x-request-id, retry-after, ratelimit-limit, ratelimit-remaining, ratelimit-reset, idempotent-replayed';

/**
 * CORS for the browser front ends in `CORS_ORIGINS`: an allowed origin is echoed back (never `*`
 * with credentials), preflights are answered here and cached for ten minutes. Requests from other
 * origins get no CORS headers, so the browser keeps their answers from the page.
 */
@Injectable()
export class CorsMiddleware implements NestMiddleware {
  private readonly anyOrigin: boolean;
  private readonly origins: Set<string>;

  constructor(@Inject(SERVICE_CONFIG) config: GatewayConfig) {
    this.anyOrigin = config.CORS_ORIGINS.includes('*');
    this.origins = new Set(config.CORS_ORIGINS);
  }

  use(request: IncomingMessage, response: ServerResponse, next: () => void): void {
    const origin = request.headers.origin;
    if (!origin || !(this.anyOrigin || this.origins.has(origin))) return next();

    response.setHeader('access-control-allow-origin', origin);
    response.setHeader('vary', 'Origin');
    const preflight =
      request.method === 'OPTIONS' &&
      request.headers['access-control-request-method'] !== undefined;
    if (!preflight) {
      response.setHeader('access-control-expose-headers', EXPOSED_HEADERS);
      return next();
    }
    response.setHeader('access-control-allow-methods', ALLOWED_METHODS);
    response.setHeader('access-control-allow-headers', ALLOWED_HEADERS);
    response.setHeader('access-control-max-age', '600');
    response.statusCode = 204;
    response.end();
  }
}
