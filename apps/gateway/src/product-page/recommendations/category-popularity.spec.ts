import type { ProductDetail, RecommendedProduct } from '#libs/contracts';
import { BoundedLru } from './bounded-lru.js';
import { CategoryPopularity } from './category-popularity.js';

const eur = (amount: number) => ({ amount, currency: 'EUR' });
const id = (n: number) => `5f1c3f0e-0000-4000-8000-${String(n).padStart(12, '0')}`;

const recommended = (
  n: number,
  score: number,
  categoryId = 'home-kitchen',
): RecommendedProduct => ({
  productId: id(n),
  name: `Item ${n}`,
  categoryId,
  price: eur(100),
  score,
});

describe('the popularity of products per category, as the gateway has seen them', () => {
  it('ranks the products of a category by the best score seen, leaving out the asked one', () => {
    const popularity = new CategoryPopularity();
    popularity.rememberRecommended([recommended(1, 2), recommended(2, 8), recommended(3, 5)]);
    popularity.rememberRecommended([recommended(1, 9), recommended(4, 1, 'garden')]);

    const ranked = popularity
      .popularIn('home-kitchen', id(2), 5)
      .map((p) => [p.productId, p.score]);

    expect(ranked).toEqual([
      [id(1), 9],
      [id(3), 5],
    ]);
  });

  it('knows the category of a product it has seen, on a page or recommended', () => {
    const popularity = new CategoryPopularity();
    popularity.rememberProduct({
      id: id(7),
      name: 'Kettle',
      categoryId: 'home-kitchen',
      price: eur(2_000),
    } as ProductDetail);

    expect(popularity.categoryOf(id(7))).toBe('home-kitchen');
    expect(popularity.popularIn('home-kitchen', id(1), 5).map((p) => p.name)).toEqual(['Kettle']);
  });

  it('keeps only the best few products of a category', () => {
    const popularity = new CategoryPopularity();
    const many = Array.from({ length: 50 }, (_, n) => recommended(n, n));

    popularity.rememberRecommended(many);

    const kept = popularity.popularIn('home-kitchen', 'none', 100);
    expect(kept).toHaveLength(CategoryPopularity.PER_CATEGORY);
    expect(kept[0]!.score).toBe(49);
    expect(kept.at(-1)!.score).toBe(30);
  });
});

describe('a bounded LRU map', () => {
  it('drops the least recently used entry once full', () => {
    const lru = new BoundedLru<string, number>(2);
    lru.set('a', 1);
    lru.set('b', 2);
    lru.get('a');

    lru.set('c', 3);

    expect([lru.get('a'), lru.get('b'), lru.get('c')]).toEqual([1, undefined, 3]);
    expect(lru.size).toBe(2);
  });
});
