import { Controller, Delete, Get, Param, Put, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { DomainError } from '#libs/domain-errors';
import { RequireRole } from '../../auth/authentication/require-role.decorator.js';
import { DownstreamProxy } from '../../downstream/downstream-proxy.js';
import { FAULT_TARGETS, type FaultTarget, isFaultTarget } from './fault-targets.js';

/**
 * `GET|PUT|DELETE /api/admin/faults/:service`: an admin reads, merges into or clears the runtime
 * faults of product, promotion or recommendation. The gateway passes the call on as itself (the
 * only caller those services accept there); the service answers 404 when its `FAULT_INJECTION` is
 * off. See docs/fault-injection.md.
 */
@Controller('api/admin/faults')
@RequireRole('admin')
export class AdminFaultsController {
  constructor(private readonly proxy: DownstreamProxy) {}

  @Get(':service')
  show(
    @Param('service') service: string,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    return this.pass(service, request, response);
  }

  @Put(':service')
  change(
    @Param('service') service: string,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    return this.pass(service, request, response);
  }

  @Delete(':service')
  reset(
    @Param('service') service: string,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    return this.pass(service, request, response);
  }

  private pass(service: string, request: Request, response: Response): Promise<void> {
    return this.proxy.forward(request, response, {
      service: target(service),
      path: '/admin/faults',
    });
  }
}

function target(service: string): FaultTarget {
  if (isFaultTarget(service)) return service;
  throw new DomainError(
    'FAULTS.UNKNOWN_SERVICE',
    'not-found',
    `No service named ${JSON.stringify(service)} accepts faults: use one of ${FAULT_TARGETS.join(', ')}.`,
  );
}
