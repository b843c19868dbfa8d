import { Controller, Get, Inject, Res, ServiceUnavailableException } from '@nestjs/common';
import { HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import type { ServerResponse } from 'node:http';
import type { ReadinessCheck } from './readiness-check.js';
import { READINESS_CHECKS } from './readiness-checks.token.js';

const CHECK_TIMEOUT_MS = 2_000;
/** Probes from Kubernetes, the local stack and Prometheus share one result instead of piling up. */
const CHECK_CACHE_MS = 500;

/**
 * Liveness answers for the process alone: a dead database must not get every pod restarted.
 * Readiness checks the dependencies, so traffic is routed away while they are down and comes back
 * by itself when they return.
 */
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    @Inject(READINESS_CHECKS) private readonly checks: ReadinessCheck[],
  ) {}

  @Get('live')
  live() {
    return { status: 'ok' };
  }

  @Get('ready')
  async ready(@Res({ passthrough: true }) response: ServerResponse) {
    try {
      return await this.health.check(
        this.checks.map(
          (readiness) => () =>
            this.indicators
              .check(readiness.name)
              .attempt(({ signal }) => readiness.check(signal))
              .withTimeout(CHECK_TIMEOUT_MS)
              .cacheFor(CHECK_CACHE_MS),
        ),
      );
    } catch (error) {
      if (!(error instanceof ServiceUnavailableException)) throw error;
      // Terminus reports an unhealthy dependency as an exception; answer with its report, not a
      // problem document, because probes and dashboards read this shape.
      response.statusCode = 503;
      return error.getResponse();
    }
  }
}
