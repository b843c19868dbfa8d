import { Controller, Get, Param, Query } from '@nestjs/common';
import {
  type CustomerRecommendations,
  type CustomerRecommendationsQuery,
  customerRecommendationsQuerySchema,
  recommendationCustomerIdSchema,
} from '#libs/contracts';
import { ZodValidationPipe } from '#libs/validation';
import { RecommendForCustomerHandler } from './recommend-for-customer.handler.js';

@Controller('recommendations/customers')
export class RecommendForCustomerController {
  constructor(private readonly recommendForCustomer: RecommendForCustomerHandler) {}

  /** `GET /recommendations/customers/:customerId?limit=`; an unknown customer is no 404. */
  @Get(':customerId')
  recommend(
    @Param('customerId', new ZodValidationPipe(recommendationCustomerIdSchema)) customerId: string,
    @Query(new ZodValidationPipe(customerRecommendationsQuerySchema))
    query: CustomerRecommendationsQuery,
  ): Promise<CustomerRecommendations> {
    return this.recommendForCustomer.execute(customerId, query.limit);
  }
}
