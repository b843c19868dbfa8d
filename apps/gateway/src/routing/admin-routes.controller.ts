import { Controller, Get, Patch, Post, Put, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { RequireRole } from '../auth/authentication/require-role.decorator.js';
import { DownstreamProxy } from '../downstream/downstream-proxy.js';
import type { DownstreamService } from '../downstream/downstream-service.js';
import { servicePathOf } from './service-path.js';

/**
 * Admin commands, for admin tokens only. `/api/admin/<rest>` is the service's `/<rest>`; each route
 * is listed, so a service's other routes stay unreachable from outside.
 */
@Controller('api/admin')
@RequireRole('admin')
export class AdminRoutesController {
  constructor(private readonly proxy: DownstreamProxy) {}

  @Post('products')
  createProduct(@Req() request: Request, @Res() response: Response): Promise<void> {
    return this.pass(request, response, 'product');
  }

  @Patch('products/:id')
  updateProduct(@Req() request: Request, @Res() response: Response): Promise<void> {
    return this.pass(request, response, 'product');
  }

  @Put('products/:id/price')
  changePrice(@Req() request: Request, @Res() response: Response): Promise<void> {
    return this.pass(request, response, 'product');
  }

  @Post('products/:id/restock')
  restock(@Req() request: Request, @Res() response: Response): Promise<void> {
    return this.pass(request, response, 'product');
  }

  @Post('promotions')
  createPromotion(@Req() request: Request, @Res() response: Response): Promise<void> {
    return this.pass(request, response, 'promotion');
  }

  @Post('coupons')
  createCoupon(@Req() request: Request, @Res() response: Response): Promise<void> {
    return this.pass(request, response, 'promotion');
  }

  @Get('coupons/:code')
  readCoupon(@Req() request: Request, @Res() response: Response): Promise<void> {
    return this.pass(request, response, 'promotion');
  }

  private pass(request: Request, response: Response, service: DownstreamService) {
    return this.proxy.forward(request, response, {
      service,
      path: servicePathOf(request.originalUrl, '/api/admin'),
    });
  }
}
