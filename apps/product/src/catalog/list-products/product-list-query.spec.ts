import { productListQuerySchema } from '#libs/contracts';

// The query contract GET /products validates with, as the controller receives it: strings.
describe('the product list query', () => {
  const parse = (query: Record<string, string>) => productListQuerySchema.safeParse(query);

  it('defaults to the first page of 20', () => {
    expect(parse({}).data).toEqual({ page: 1, pageSize: 20 });
  });

  it('reads numbers from the query string', () => {
    expect(parse({ page: '3', pageSize: '100' }).data).toMatchObject({ page: 3, pageSize: 100 });
  });

  it('refuses a page size above 100 rather than clamping it', () => {
    const result = parse({ pageSize: '101' });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((issue) => issue.path)).toEqual([['pageSize']]);
  });

  it('refuses fractional and non-numeric pages', () => {
    expect(parse({ page: '1.5' }).success).toBe(false);
    expect(parse({ page: 'last' }).success).toBe(false);
  });

  it('treats a blank search as no search and trims the words of a real one', () => {
    expect(parse({ q: '   ' }).data!.q).toBeUndefined();
    expect(parse({ q: ' linen shirt ' }).data!.q).toBe('linen shirt');
  });

  it('accepts only the documented sorts', () => {
    for (const sort of ['relevance', 'name', '-name', 'price', '-price', 'newest']) {
      expect(parse({ sort }).success).toBe(true);
    }
    expect(parse({ sort: 'popularity' }).success).toBe(false);
  });
});
