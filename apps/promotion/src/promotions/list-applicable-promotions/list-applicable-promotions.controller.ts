import { Controller, Get, Query } from '@nestjs/common';
import {
  type ApplicablePromotions,
  type ApplicablePromotionsQuery,
  applicablePromotionsQuerySchema,
} from '#libs/contracts';
import { ZodValidationPipe } from '#libs/validation';
import { toPromotionBody } from '../promotion-body.mapper.js';
import { ListApplicablePromotionsHandler } from './list-applicable-promotions.handler.js';

@Controller('promotions')
export class ListApplicablePromotionsController {
  constructor(private readonly handler: ListApplicablePromotionsHandler) {}

  /** `?productId=` (required); 404 `PROMOTION.UNKNOWN_PRODUCT` until the product is known here. */
  @Get()
  async list(
    @Query(new ZodValidationPipe(applicablePromotionsQuerySchema)) query: ApplicablePromotionsQuery,
  ): Promise<ApplicablePromotions> {
    const promotions = await this.handler.list(query.productId);
    return { productId: query.productId, items: promotions.map(toPromotionBody) };
  }
}
