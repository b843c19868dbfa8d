import { Controller, Get, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { DownstreamProxy } from '../downstream/downstream-proxy.js';
import { servicePathOf } from './service-path.js';

/**
 * The public reads of the catalog and prices, passed through as they are. Reads only: the
 * services' write routes are reachable through /api/admin alone. Recommendations are not passed
 * through blindly: they go through their resilience policy (product-page/recommendations/).
 */
@Controller('api')
export class CatalogRoutesController {
  constructor(private readonly proxy: DownstreamProxy) {}

  @Get(['products', 'products/*path', 'categories'])
  catalog(@Req() request: Request, @Res() response: Response): Promise<void> {
    return this.pass(request, response, 'product');
  }

  @Get(['promotions', 'promotions/*path'])
  promotions(@Req() request: Request, @Res() response: Response): Promise<void> {
    return this.pass(request, response, 'promotion');
  }

  private pass(request: Request, response: Response, service: 'product' | 'promotion') {
    return this.proxy.forward(request, response, {
      service,
      path: servicePathOf(request.originalUrl, '/api'),
    });
  }
}
