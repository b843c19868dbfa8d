import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { CustomerRecommendations } from '#libs/contracts';
import { mergeRanked } from '../domain/merge-ranked.js';
import { RecommendationsRepository } from '../recommendations.repository.js';

/**
 * What a customer may want next: products bought together with what they bought, topped up with
 * the best sellers, never something they already bought. A customer with no history here (new, or
 * not heard of yet) simply gets the best sellers: not knowing someone is no error.
 */
@Injectable()
export class RecommendForCustomerHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly recommendations: RecommendationsRepository,
  ) {}

  execute(customerId: string, limit: number): Promise<CustomerRecommendations> {
    return this.dataSource.transaction('REPEATABLE READ', async (transaction) => {
      const boughtWithHistory = await this.recommendations.findBoughtWithHistory(
        transaction,
        customerId,
        limit,
      );
      const popularOverall =
        boughtWithHistory.length < limit
          ? await this.recommendations.findPopularNotBoughtBy(transaction, customerId, limit)
          : [];

      // The queries already leave out what the customer bought: their history may be long.
      const { strategy, items } = mergeRanked(
        [
          { strategy: 'bought-together', candidates: boughtWithHistory },
          { strategy: 'popular-overall', candidates: popularOverall },
        ],
        { limit },
      );
      return { customerId, strategy, items };
    });
  }
}
