import type {
  ProductRecommendations,
  RecommendationFallback,
  RecommendedProduct,
} from '#libs/contracts';

export interface ChosenFallback {
  fallback: RecommendationFallback;
  recommendations: ProductRecommendations;
}

/**
 * What to show when the recommendation service gave no answer, best first: its last good answer
 * for this product (a little old, but its own), else products of the same category the gateway has
 * seen, else nothing. An empty last answer loses to the category: something beats nothing.
 */
export function chooseFallback(
  productId: string,
  limit: number,
  lastGood: ProductRecommendations | undefined,
  popularInCategory: readonly RecommendedProduct[],
): ChosenFallback {
  if (lastGood && lastGood.items.length > 0) {
    return {
      fallback: 'last-good',
      recommendations: { ...lastGood, items: lastGood.items.slice(0, limit) },
    };
  }
  const strategy = 'popular-in-category';
  if (popularInCategory.length > 0) {
    const items = popularInCategory.slice(0, limit);
    return { fallback: 'category-popular', recommendations: { productId, strategy, items } };
  }
  return { fallback: 'none', recommendations: { productId, strategy, items: [] } };
}
