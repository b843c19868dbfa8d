import { Controller, Param, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { orderIdSchema } from '#libs/contracts';
import { ZodValidationPipe } from '#libs/validation';
import { RequireRole } from '../auth/authentication/require-role.decorator.js';
import { DownstreamProxy } from '../downstream/downstream-proxy.js';

/** Operating orders, for admin tokens only. */
@Controller('api/admin/orders')
@RequireRole('admin')
export class AdminOrdersController {
  constructor(private readonly proxy: DownstreamProxy) {}

  /**
   * Resumes a saga parked in COMPENSATION_FAILED once whatever kept its compensation from getting
   * through is fixed (202); 409 `ORDER.SAGA_NOT_PARKED` for any other saga.
   */
  @Post(':id/saga/retry')
  retrySaga(
    @Req() request: Request,
    @Res() response: Response,
    @Param('id', new ZodValidationPipe(orderIdSchema)) orderId: string,
  ): Promise<void> {
    return this.proxy.forward(request, response, {
      service: 'order',
      path: `/admin/orders/${orderId}/saga/retry`,
      body: {},
    });
  }
}
