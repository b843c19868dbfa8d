import type { RecommendedProduct } from '#libs/contracts';
import { mergeRanked } from './merge-ranked.js';

/** A candidate whose id and name are its label, enough to follow where it ends up. */
const product = (label: string, score = 1): RecommendedProduct => ({
  productId: label,
  name: label,
  categoryId: 'books',
  price: { amount: 1_000, currency: 'EUR' },
  score,
});
const labels = (items: RecommendedProduct[]) => items.map((item) => item.productId);

const boughtTogether = (...candidates: RecommendedProduct[]) => ({
  strategy: 'bought-together' as const,
  candidates,
});
const popular = (...candidates: RecommendedProduct[]) => ({
  strategy: 'popular-in-category' as const,
  candidates,
});

describe('mergeRanked', () => {
  it('keeps the first strategy’s candidates first, in their order', () => {
    const merged = mergeRanked([boughtTogether(product('b', 3), product('c', 1)), popular()], {
      limit: 5,
    });
    expect(labels(merged.items)).toEqual(['b', 'c']);
    expect(merged.strategy).toBe('bought-together');
  });

  it('tops the list up with the fallback’s candidates when the first strategy finds too few', () => {
    const merged = mergeRanked(
      [boughtTogether(product('b')), popular(product('x', 9), product('y', 5), product('z', 1))],
      { limit: 3 },
    );
    expect(labels(merged.items)).toEqual(['b', 'x', 'y']);
  });

  it('stops at the limit without touching the fallback when the first strategy has enough', () => {
    const merged = mergeRanked(
      [boughtTogether(product('b'), product('c'), product('d')), popular(product('x'))],
      { limit: 2 },
    );
    expect(labels(merged.items)).toEqual(['b', 'c']);
  });

  it('lists a product found by both strategies once, where the preferred strategy put it', () => {
    const merged = mergeRanked(
      [boughtTogether(product('b', 2)), popular(product('b', 40), product('x', 7))],
      { limit: 5 },
    );
    expect(merged.items).toEqual([product('b', 2), product('x', 7)]);
  });

  it('never recommends an excluded product, whichever strategy found it', () => {
    const merged = mergeRanked(
      [boughtTogether(product('a'), product('b')), popular(product('a'), product('x'))],
      { limit: 5, exclude: ['a'] },
    );
    expect(labels(merged.items)).toEqual(['b', 'x']);
  });

  it('names the fallback as the strategy when it produced the first item', () => {
    const merged = mergeRanked([boughtTogether(), popular(product('x'))], { limit: 5 });
    expect(merged.strategy).toBe('popular-in-category');
  });

  it('names the fallback as the strategy when the first strategy found only excluded products', () => {
    const merged = mergeRanked([boughtTogether(product('a')), popular(product('x'))], {
      limit: 5,
      exclude: ['a'],
    });
    expect(merged.strategy).toBe('popular-in-category');
    expect(labels(merged.items)).toEqual(['x']);
  });

  it('answers an empty list under the fallback’s name when nothing is found', () => {
    expect(mergeRanked([boughtTogether(), popular()], { limit: 5 })).toEqual({
      strategy: 'popular-in-category',
      items: [],
    });
  });
});
