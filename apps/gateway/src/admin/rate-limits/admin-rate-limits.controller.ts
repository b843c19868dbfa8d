import { Controller, Get, Put, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { RequireRole } from '../../auth/authentication/require-role.decorator.js';
import { DownstreamProxy } from '../../downstream/downstream-proxy.js';

/**
 * `GET|PUT /api/admin/rate-limits/promotion`: an admin reads the promotion service's quotas per
 * calling service and route class, or changes them at runtime (docs/rate-limiting.md). The gateway
 * passes the call on as itself, the only caller promotion accepts on `/admin/rate-limits`.
 */
@Controller('api/admin/rate-limits/promotion')
@RequireRole('admin')
export class AdminRateLimitsController {
  constructor(private readonly proxy: DownstreamProxy) {}

  @Get()
  show(@Req() request: Request, @Res() response: Response): Promise<void> {
    return this.pass(request, response);
  }

  @Put()
  change(@Req() request: Request, @Res() response: Response): Promise<void> {
    return this.pass(request, response);
  }

  private pass(request: Request, response: Response): Promise<void> {
    return this.proxy.forward(request, response, {
      service: 'promotion',
      path: '/admin/rate-limits',
    });
  }
}
