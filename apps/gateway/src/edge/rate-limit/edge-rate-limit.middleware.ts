import { HttpStatus, Inject, Injectable, type NestMiddleware } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ProblemException } from '#libs/problem-details';
import { SERVICE_CONFIG } from '#libs/service-defaults';
import type { GatewayConfig } from '../../gateway.config.js';
import { clientKeyOf } from './client-key.js';
import { ClientQuotas, type QuotaDecision } from './client-quotas.js';

/**
 * Edge rate limiting per client (see client-key.ts): `RATE_LIMIT_PER_SECOND` requests in each
 * second, plus a reserve of `RATE_LIMIT_BURST` per 10 seconds for bursts above that. Counters live
 * in this process's memory (docs/adr/0005-edge-rate-limit-in-memory.md). Every answer carries the
 * `RateLimit-*` headers; a refused request gets 429 with `Retry-After` and reaches no service.
 */
@Injectable()
export class EdgeRateLimitMiddleware implements NestMiddleware {
  private readonly quotas?: ClientQuotas;
  private readonly limit: string;

  constructor(@Inject(SERVICE_CONFIG) config: GatewayConfig) {
    const { RATE_LIMIT_PER_SECOND: perSecond, RATE_LIMIT_BURST: burst } = config;
    this.limit = String(perSecond);
    if (perSecond > 0) this.quotas = new ClientQuotas(perSecond, burst);
  }

  use(request: IncomingMessage, response: ServerResponse, next: () => void): void {
    if (!this.quotas) return next();
    const decision = this.quotas.take(clientKeyOf(request));
    const seconds = Math.max(1, Math.ceil(decision.resetMs / 1000));
    this.describe(response, decision, seconds);
    if (decision.allowed) return next();
    response.setHeader('retry-after', String(seconds));
    throw new ProblemException({
      status: HttpStatus.TOO_MANY_REQUESTS,
      title: 'Too Many Requests',
      detail: `Too many requests from this client: retry in ${seconds} s.`,
      code: 'GATEWAY.RATE_LIMITED',
    });
  }

  private describe(response: ServerResponse, decision: QuotaDecision, seconds: number): void {
    response.setHeader('ratelimit-limit', this.limit);
    response.setHeader('ratelimit-remaining', String(decision.remaining));
    response.setHeader('ratelimit-reset', String(seconds));
  }
}
