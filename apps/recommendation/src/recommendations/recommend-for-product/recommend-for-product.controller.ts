import { Controller, Get, Query } from '@nestjs/common';
import {
  type ProductRecommendations,
  type ProductRecommendationsQuery,
  productRecommendationsQuerySchema,
} from '#libs/contracts';
import { ZodValidationPipe } from '#libs/validation';
import { RecommendForProductHandler } from './recommend-for-product.handler.js';

@Controller('recommendations')
export class RecommendForProductController {
  constructor(private readonly recommendForProduct: RecommendForProductHandler) {}

  /** `GET /recommendations?productId=&limit=`; 404 `RECOMMENDATION.UNKNOWN_PRODUCT`. */
  @Get()
  recommend(
    @Query(new ZodValidationPipe(productRecommendationsQuerySchema))
    query: ProductRecommendationsQuery,
  ): Promise<ProductRecommendations> {
    return this.recommendForProduct.execute(query);
  }
}
