import { Body, Controller, Post } from '@nestjs/common';
import {
  type CreatePromotionRequest,
  createPromotionRequestSchema,
  type Promotion,
} from '#libs/contracts';
import { ZodValidationPipe } from '#libs/validation';
import { toPromotionBody } from '../promotion-body.mapper.js';
import { CreatePromotionHandler } from './create-promotion.handler.js';

@Controller('promotions')
export class CreatePromotionController {
  constructor(private readonly handler: CreatePromotionHandler) {}

  /** Admin: 201 with the promotion. */
  @Post()
  async create(
    @Body(new ZodValidationPipe(createPromotionRequestSchema)) body: CreatePromotionRequest,
  ): Promise<Promotion> {
    return toPromotionBody(await this.handler.create(body));
  }
}
