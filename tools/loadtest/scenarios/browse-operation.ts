import { DEMO_CATEGORIES, demoCatalog } from '#libs/demo-data';
import { weightedMix } from '../traffic/weighted-mix.js';
import type { ShopClient } from '../shop/shop-client.js';
import type { Operation } from './scenario.js';

/** Listing pages a shopper pages through before giving up on a list. */
const LISTING_PAGES = 5;
const PAGE_SIZE = 20;

/**
 * The product page (`GET /api/products/:id/page`), counting degraded recommendations: the page
 * still answers 200 when recommendation fails, so the count is what shows degradation at work.
 */
export async function viewProductPage(client: ShopClient, kind: string, productId: string) {
  const page = await client.expect<{ recommendations?: { status?: string; reason?: string } }>(
    kind,
    'GET',
    `/api/products/${productId}/page`,
  );
  if (page?.recommendations?.status === 'degraded') {
    client.count(`recommendations degraded (${page.recommendations.reason ?? 'no reason'})`);
  }
}

/** Words from the demo catalog's product names, so searches find something. */
function searchWords(names: string[]): string[] {
  const words = new Set(names.flatMap((name) => name.toLowerCase().split(/\s+/)));
  return [...words].filter((word) => /^[a-z]{4,}$/.test(word));
}

/**
 * A shop-like browsing mix: mostly listings and product views, some searches, and the composed
 * product page. Weights are relative; the split was chosen to look like a catalog's traffic
 * (many list views per product view), not measured from a real shop.
 */
export function browseOperation(client: ShopClient, random: () => number): Operation {
  const catalog = demoCatalog();
  const words = searchWords(catalog.map((product) => product.name));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const page = () => 1 + Math.floor(random() * LISTING_PAGES);

  const next = weightedMix<Operation>(
    [
      {
        weight: 25,
        value: () =>
          client.expect('listing', 'GET', `/api/products?page=${page()}&pageSize=${PAGE_SIZE}`),
      },
      {
        weight: 15,
        value: () =>
          client.expect(
            'category listing',
            'GET',
            `/api/products?categoryId=${pick(DEMO_CATEGORIES).id}&page=${page()}&pageSize=${PAGE_SIZE}`,
          ),
      },
      {
        weight: 20,
        value: () =>
          client.expect(
            'search',
            'GET',
            `/api/products?q=${encodeURIComponent(pick(words))}&pageSize=${PAGE_SIZE}`,
          ),
      },
      {
        weight: 25,
        value: () => client.expect('product', 'GET', `/api/products/${pick(catalog).id}`),
      },
      { weight: 15, value: () => viewProductPage(client, 'product page', pick(catalog).id) },
    ],
    random,
  );
  return async () => {
    await next()();
  };
}
