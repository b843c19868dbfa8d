import { Injectable } from '@nestjs/common';
import type { ProductDetail, RecommendedProduct } from '#libs/contracts';
import { BoundedLru } from './bounded-lru.js';

/**
 * The second fallback, from data the gateway already has: the products it has seen in
 * recommendation answers (with the service's own score: orders bought together, units sold) and
 * on product pages (score 0), kept per category, best first. When recommendation cannot answer
 * for a product, the best-known products of its category stand in. Nothing is fetched for it.
 *
 * Bounded three ways: 20 products per category, 500 categories, and 10,000 product-to-category
 * entries (to find the category of a product asked for by id alone).
 */
@Injectable()
export class CategoryPopularity {
  static readonly PER_CATEGORY = 20;
  private readonly categories = new BoundedLru<string, Map<string, RecommendedProduct>>(500);
  private readonly categoryOfProduct = new BoundedLru<string, string>(10_000);

  /** Products the recommendation service recommended, with its score. */
  rememberRecommended(items: readonly RecommendedProduct[]): void {
    for (const item of items) this.rank(item);
  }

  /** A product shown on a page: known to exist in its category, no score yet. */
  rememberProduct(product: ProductDetail): void {
    const { id: productId, name, categoryId, price } = product;
    this.rank({ productId, name, categoryId, price, score: 0 });
  }

  categoryOf(productId: string): string | undefined {
    return this.categoryOfProduct.get(productId);
  }

  /** The best-scored products seen in `categoryId`, other than `excluding`. */
  popularIn(categoryId: string, excluding: string, limit: number): RecommendedProduct[] {
    const ranked = this.categories.get(categoryId);
    if (!ranked) return [];
    return [...ranked.values()]
      .filter((item) => item.productId !== excluding)
      .sort((a, b) => b.score - a.score)
      .slice(0, limit);
  }

  private rank(item: RecommendedProduct): void {
    this.categoryOfProduct.set(item.productId, item.categoryId);
    let ranked = this.categories.get(item.categoryId);
    if (!ranked) {
      ranked = new Map();
      this.categories.set(item.categoryId, ranked);
    }
    const known = ranked.get(item.productId);
    // Keep the fresher name and price, and the strongest evidence seen for it.
    ranked.set(item.productId, { ...item, score: Math.max(item.score, known?.score ?? 0) });
    if (ranked.size > CategoryPopularity.PER_CATEGORY) ranked.delete(weakestOf(ranked));
  }
}

function weakestOf(ranked: Map<string, RecommendedProduct>): string {
  let weakest: RecommendedProduct | undefined;
  for (const item of ranked.values()) if (!weakest || item.score < weakest.score) weakest = item;
  return weakest!.productId;
}
