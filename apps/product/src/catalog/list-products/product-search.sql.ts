import type { ProductSort } from '#libs/contracts';

/** What `GET /products` asks the repository for, its sort already settled. */
export interface ProductSearch {
  /** Words for PostgreSQL full-text search (`websearch_to_tsquery` syntax). */
  q?: string;
  categoryId?: string;
  sort: ProductSort;
  page: number;
  pageSize: number;
}

/**
 * The WHERE clause of a search over products `p`, its parameters (`$1`, ...), and the expression
 * that ranks its matches by relevance.
 */
export function searchFilter({ q, categoryId }: ProductSearch) {
  const params: unknown[] = [];
  const conditions: string[] = [];
  let rank = 'NULL';
  if (q !== undefined) {
    params.push(q);
    const query = `websearch_to_tsquery('english', $${params.length})`;
    conditions.push(`p.search_vector @@ ${query}`);
    rank = `ts_rank(p.search_vector, ${query})`;
  }
  if (categoryId !== undefined) {
    params.push(categoryId);
    conditions.push(`p.category_id = $${params.length}`);
  }
  const where = conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';
  return { where, params, rank };
}

/**
 * ORDER BY for each sort over products `p`; `rank` is the relevance expression. Each ends with the
 * id, so equal names or prices still come in one fixed order and pages neither repeat nor skip.
 */
export function orderBy(sort: ProductSort, rank: string): string {
  switch (sort) {
    case 'relevance':
      return `${rank} DESC, p.id`;
    case 'name':
      return 'p.name, p.id';
    case '-name':
      return 'p.name DESC, p.id';
    case 'price':
      return 'p.price_amount, p.id';
    case '-price':
      return 'p.price_amount DESC, p.id';
    case 'newest':
      return 'p.created_at DESC, p.id';
  }
}
