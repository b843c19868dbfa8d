import { HttpStatus, Inject, Injectable, type NestMiddleware } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { BurstyRateLimiter, RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { ProblemException } from '#libs/problem-details';
import { SERVICE_CONFIG } from '#libs/service-defaults';
import type { GatewayConfig } from '../../gateway.config.js';
import { clientKeyOf } from './client-key.js';

type Limiter = Pick<RateLimiterMemory, 'consume'>;

/**
 * Edge rate limiting per client (see client-key.ts): `RATE_LIMIT_PER_SECOND` requests in each
 * second, plus a reserve of `RATE_LIMIT_BURST` per 10 seconds for bursts above that. Counters live
 * in this process's memory (docs/adr/0005-edge-rate-limit-in-memory.md). Every answer carries the
 * `RateLimit-*` headers; a refused request gets 429 with `Retry-After` and reaches no service.
 */
@Injectable()
export class EdgeRateLimitMiddleware implements NestMiddleware {
  private readonly limiter?: Limiter;
  private readonly limit: string;

  constructor(@Inject(SERVICE_CONFIG) config: GatewayConfig) {
    const { RATE_LIMIT_PER_SECOND: perSecond, RATE_LIMIT_BURST: burst } = config;
    this.limit = String(perSecond);
    if (perSecond === 0) return;
    const steady = new RateLimiterMemory({ keyPrefix: 'edge', points: perSecond, duration: 1 });
    this.limiter =
      burst === 0
        ? steady
        : new BurstyRateLimiter(
            steady,
            new RateLimiterMemory({ keyPrefix: 'edge-burst', points: burst, duration: 10 }),
          );
  }

  async use(request: IncomingMessage, response: ServerResponse, next: () => void): Promise<void> {
    if (!this.limiter) return next();
    try {
      this.describe(response, await this.limiter.consume(clientKeyOf(request)));
    } catch (refusal) {
      if (!(refusal instanceof RateLimiterRes)) throw refusal;
      this.describe(response, refusal);
      const seconds = secondsUntil(refusal);
      response.setHeader('retry-after', String(seconds));
      throw new ProblemException({
        status: HttpStatus.TOO_MANY_REQUESTS,
        title: 'Too Many Requests',
        detail: `Too many requests from this client: retry in ${seconds} s.`,
        code: 'GATEWAY.RATE_LIMITED',
      });
    }
    next();
  }

  private describe(response: ServerResponse, state: RateLimiterRes): void {
    response.setHeader('ratelimit-limit', this.limit);
    response.setHeader('ratelimit-remaining', String(Math.max(0, state.remainingPoints)));
    response.setHeader('ratelimit-reset', String(secondsUntil(state)));
  }
}

function secondsUntil(state: RateLimiterRes): number {
  return Math.max(1, Math.ceil(state.msBeforeNext / 1000));
}
