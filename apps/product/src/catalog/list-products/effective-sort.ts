import type { ProductSort } from '#libs/contracts';

/**
 * The order a product list is served in: what the caller asked for, else best match first when
 * searching and by name otherwise. `relevance` without a search has nothing to rank by, so it
 * falls back to name, as a shop's "sort by relevance" does on a plain category page.
 */
export function effectiveSort(query: { q?: string; sort?: ProductSort }): ProductSort {
  if (!query.q) return query.sort === undefined || query.sort === 'relevance' ? 'name' : query.sort;
  return query.sort ?? 'relevance';
}
