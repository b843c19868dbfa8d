import type { ProductRecommendations, RecommendedProduct } from '#libs/contracts';
import { chooseFallback } from './recommendation-fallback.js';

const productId = '5f1c3f0e-0000-4000-8000-000000000001';
const eur = (amount: number) => ({ amount, currency: 'EUR' });

const item = (n: number, score = 1): RecommendedProduct => ({
  productId: `5f1c3f0e-0000-4000-8000-00000000010${n}`,
  name: `Item ${n}`,
  categoryId: 'home-kitchen',
  price: eur(100 * n),
  score,
});

const lastGood: ProductRecommendations = {
  productId,
  strategy: 'bought-together',
  items: [item(1, 9), item(2, 7), item(3, 5)],
};

describe('the recommendations fallback', () => {
  it('prefers the last good answer for the product, cut to the limit', () => {
    expect(chooseFallback(productId, 2, lastGood, [item(4)])).toEqual({
      fallback: 'last-good',
      recommendations: { ...lastGood, items: [item(1, 9), item(2, 7)] },
    });
  });

  it('falls back to popular products of the category when it has no last answer', () => {
    expect(chooseFallback(productId, 5, undefined, [item(4, 3), item(5, 2)])).toEqual({
      fallback: 'category-popular',
      recommendations: {
        productId,
        strategy: 'popular-in-category',
        items: [item(4, 3), item(5, 2)],
      },
    });
  });

  it('takes the category over a last answer that had nothing in it', () => {
    const empty = { ...lastGood, items: [] };

    expect(chooseFallback(productId, 5, empty, [item(4)]).fallback).toBe('category-popular');
  });

  it('ends with an empty list when it knows nothing', () => {
    expect(chooseFallback(productId, 5, undefined, [])).toEqual({
      fallback: 'none',
      recommendations: { productId, strategy: 'popular-in-category', items: [] },
    });
  });
});
