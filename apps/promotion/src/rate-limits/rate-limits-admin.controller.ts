import { Body, Controller, Get, HttpStatus, Inject, Put } from '@nestjs/common';
import type { ServiceName } from '#libs/contracts';
import { ProblemException } from '#libs/problem-details';
import {
  type QuotaChange,
  quotaChangeSchema,
  RateLimits,
  type RateLimitsView,
} from '#libs/rate-limiting';
import { CallerService } from '#libs/service-identity';
import { ZodValidationPipe } from '#libs/validation';

/**
 * `GET|PUT /admin/rate-limits`: the quotas in force, and runtime changes to them. PUT merges
 * `{ "default"?, "callers"?: { "<caller>": { "<class>": { "perSecond", "burst" } } } }` in, is
 * logged with who asked, and reaches every replica through the shared store within
 * RATE_LIMIT_QUOTA_REFRESH_MS. Only the gateway may call it (it checks the admin's token).
 */
@Controller('admin/rate-limits')
export class RateLimitsAdminController {
  constructor(@Inject(RateLimits) private readonly rateLimits: RateLimits) {}

  @Get()
  show(@CallerService() caller: ServiceName | undefined): RateLimitsView {
    admit(caller);
    return this.rateLimits.describe();
  }

  @Put()
  change(
    @CallerService() caller: ServiceName | undefined,
    @Body(new ZodValidationPipe(quotaChangeSchema)) change: QuotaChange,
  ): Promise<RateLimitsView> {
    admit(caller);
    return this.rateLimits.change(change, caller as ServiceName);
  }
}

function admit(caller: ServiceName | undefined): void {
  if (caller === 'gateway') return;
  throw new ProblemException({
    status: HttpStatus.FORBIDDEN,
    title: 'Forbidden',
    detail: 'Rate-limit settings accept calls from the gateway only.',
    code: 'AUTH.CALLER_NOT_ALLOWED',
  });
}
