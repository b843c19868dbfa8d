import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { ProductRecommendations, ProductRecommendationsQuery } from '#libs/contracts';
import { CatalogRepository } from '../../catalog/catalog.repository.js';
import { mergeRanked } from '../domain/merge-ranked.js';
import { UnknownProductError } from '../domain/unknown-product.error.js';
import { RecommendationsRepository } from '../recommendations.repository.js';

/**
 * What goes well with a product: products most often bought together with it, topped up with the
 * most popular products of its category. Answered from the read model alone.
 */
@Injectable()
export class RecommendForProductHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly catalog: CatalogRepository,
    private readonly recommendations: RecommendationsRepository,
  ) {}

  execute({ productId, limit }: ProductRecommendationsQuery): Promise<ProductRecommendations> {
    // One snapshot, so the product and the statistics ranked against it are read at one instant.
    return this.dataSource.transaction('REPEATABLE READ', async (transaction) => {
      const product = await this.catalog.findProduct(transaction, productId);
      if (!product) throw new UnknownProductError(productId);

      const boughtTogether = await this.recommendations.findBoughtTogether(
        transaction,
        productId,
        limit,
      );
      // One more than the limit: the product itself is in its category and is dropped.
      const popularInCategory =
        boughtTogether.length < limit
          ? await this.recommendations.findPopularInCategory(
              transaction,
              product.categoryId,
              limit + 1,
            )
          : [];

      const { strategy, items } = mergeRanked(
        [
          { strategy: 'bought-together', candidates: boughtTogether },
          { strategy: 'popular-in-category', candidates: popularInCategory },
        ],
        { limit, exclude: [productId] },
      );
      return { productId, strategy, items };
    });
  }
}
