import { Injectable } from '@nestjs/common';
import type { ProductRecommendations } from '#libs/contracts';
import { BoundedLru } from './bounded-lru.js';

/**
 * The latest good answer of the recommendation service for each product, the first fallback when
 * it cannot answer. Bounded: 5,000 products of about 5 items is a few megabytes, and the products
 * that fall out are the ones nobody looked at lately.
 */
@Injectable()
export class LastGoodRecommendations {
  static readonly CAPACITY = 5_000;
  private readonly answers = new BoundedLru<string, ProductRecommendations>(
    LastGoodRecommendations.CAPACITY,
  );

  remember(answer: ProductRecommendations): void {
    this.answers.set(answer.productId, answer);
  }

  of(productId: string): ProductRecommendations | undefined {
    return this.answers.get(productId);
  }
}
