import { Controller, Get, Param } from '@nestjs/common';
import { z } from 'zod';
import type { Promotion } from '#libs/contracts';
import { ZodValidationPipe } from '#libs/validation';
import { toPromotionBody } from '../promotion-body.mapper.js';
import { GetPromotionHandler } from './get-promotion.handler.js';

@Controller('promotions')
export class GetPromotionController {
  constructor(private readonly handler: GetPromotionHandler) {}

  /** One promotion, in effect or not; 404 `PROMOTION.UNKNOWN_PROMOTION`. */
  @Get(':id')
  async get(@Param('id', new ZodValidationPipe(z.uuid())) id: string): Promise<Promotion> {
    return toPromotionBody(await this.handler.get(id));
  }
}
