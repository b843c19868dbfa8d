import { DEMO_CATEGORIES, demoCatalog, demoSku } from '#libs/demo-data';
import { isolatedDatabase } from '../../../../../test/support/isolated-database.js';
import { type ProductTestApp, startProductApp } from '../../../test/product-test-app.js';

// Browsing the seeded demo catalog. Nothing here writes, so every expectation can be computed
// from `demoCatalog()` itself.
describe('browsing the catalog', () => {
  const catalog = demoCatalog();
  let database: Awaited<ReturnType<typeof isolatedDatabase>>;
  let app: ProductTestApp;

  beforeAll(async () => {
    database = await isolatedDatabase([]);
    app = await startProductApp(database.url);
  }, 60_000);

  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  /** Every product for a query string, fetched page by page. */
  async function allPages(query: string) {
    const items = [];
    for (let page = 1; ; page++) {
      const { body } = await app.get(`/products?${query}&pageSize=100&page=${page}`);
      items.push(...body.items);
      if (body.items.length < 100) return items;
    }
  }

  it('serves the first page of 20 by default, with the total', async () => {
    const { status, body } = await app.get('/products');
    expect(status).toBe(200);
    expect(body).toMatchObject({ total: 240, page: 1, pageSize: 20 });
    expect(body.items).toHaveLength(20);
    const demo = catalog.find((product) => product.id === body.items[0].id)!;
    expect(body.items[0]).toEqual({
      id: demo.id,
      sku: demo.sku,
      name: demo.name,
      categoryId: demo.categoryId,
      price: demo.price,
      availableStock: demo.stock,
      imageUrl: demo.imageUrl,
    });
  });

  it('pages through every product exactly once', async () => {
    const items = await allPages('sort=newest');
    expect(items.map((item) => item.id).sort()).toEqual(catalog.map((p) => p.id).sort());
  });

  it('answers a page past the end with no items and the true total', async () => {
    const { body } = await app.get('/products?page=99&pageSize=10');
    expect(body).toEqual({ items: [], total: 240, page: 99, pageSize: 10 });
  });

  it('sorts by price both ways, ties broken by id', async () => {
    const byPrice = [...catalog].sort(
      (a, b) => a.price.amount - b.price.amount || (a.id < b.id ? -1 : 1),
    );
    const ascending = await allPages('sort=price');
    expect(ascending.map((item) => item.id)).toEqual(byPrice.map((p) => p.id));
    const { body } = await app.get('/products?sort=-price&pageSize=3');
    const dearest = Math.max(...catalog.map((p) => p.price.amount));
    expect(body.items[0].price.amount).toBe(dearest);
  });

  it('sorts by name both ways', async () => {
    const ascending = (await allPages('sort=name')).map((item) => item.id);
    const descending = (await allPages('sort=-name')).map((item) => item.id);
    expect(descending).toEqual([...ascending].reverse());
    const first = catalog.find((p) => p.id === ascending[0])!;
    expect(first.name.startsWith('A')).toBe(true);
  });

  it('filters by category', async () => {
    const { body } = await app.get('/products?categoryId=books&pageSize=100');
    expect(body.total).toBe(30);
    expect(body.items.every((item: { categoryId: string }) => item.categoryId === 'books')).toBe(
      true,
    );
  });

  it('answers an unknown category with an empty list', async () => {
    const { status, body } = await app.get('/products?categoryId=garden');
    expect(status).toBe(200);
    expect(body).toMatchObject({ items: [], total: 0 });
  });

  it('finds products by a word of their name, stemmed', async () => {
    const { body } = await app.get('/products?q=headphone');
    const expected = catalog.filter((p) => p.name.endsWith('Wireless Headphones'));
    expect(expected).toHaveLength(5);
    expect(body.total).toBe(5);
    expect(body.items.map((item: { id: string }) => item.id).sort()).toEqual(
      expected.map((p) => p.id).sort(),
    );
  });

  it('ranks a match in the name above a match in the description', async () => {
    // Coffee beans have "coffee" in their name; French presses only in their description.
    const { body } = await app.get('/products?q=coffee');
    const names: string[] = body.items.map((item: { name: string }) => item.name);
    expect(names).toHaveLength(10);
    expect(names.slice(0, 5).every((name) => name.includes('Coffee Beans'))).toBe(true);
    expect(names.slice(5).every((name) => name.includes('French Press'))).toBe(true);
  });

  it('finds a product by its SKU', async () => {
    const sku = demoSku('BOOK', 7);
    const { body } = await app.get(`/products?q=${sku}`);
    expect(body.items[0].sku).toBe(sku);
  });

  it('combines search with a category filter and another sort', async () => {
    const { body } = await app.get('/products?q=linen&categoryId=fashion&sort=-price');
    const expected = catalog
      .filter((p) => p.categoryId === 'fashion' && p.name.includes('Linen'))
      .sort((a, b) => b.price.amount - a.price.amount);
    expect(body.items.map((item: { id: string }) => item.id)).toEqual(expected.map((p) => p.id));
  });

  it('finds nothing for words no product has', async () => {
    const { body } = await app.get('/products?q=submarine');
    expect(body).toMatchObject({ items: [], total: 0 });
  });

  it.each([
    ['a page size over 100', 'pageSize=101', 'query.pageSize'],
    ['a page size of 0', 'pageSize=0', 'query.pageSize'],
    ['page 0', 'page=0', 'query.page'],
    ['a page that is not a number', 'page=two', 'query.page'],
    ['an unknown sort', 'sort=cheapest', 'query.sort'],
    ['a category id that is not a slug', 'categoryId=Not%20A%20Slug', 'query.categoryId'],
    ['a search of over 200 characters', `q=${'x'.repeat(201)}`, 'query.q'],
  ])('refuses %s with a 400 naming the field', async (_case, query, field) => {
    const { status, contentType, body } = await app.get(`/products?${query}`);
    expect(status).toBe(400);
    expect(contentType).toContain('application/problem+json');
    expect(body.errors.map((error: { field: string }) => error.field)).toEqual([field]);
  });

  it('serves one product with its details', async () => {
    const demo = catalog.find((p) => p.sku === demoSku('ELEC', 1))!;
    const { status, body } = await app.get(`/products/${demo.id}`);
    expect(status).toBe(200);
    expect(body).toEqual({
      id: demo.id,
      sku: demo.sku,
      name: demo.name,
      description: demo.description,
      categoryId: 'electronics',
      categoryName: 'Electronics',
      price: demo.price,
      attributes: demo.attributes,
      imageUrl: demo.imageUrl,
      availableStock: demo.stock,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
  });

  it('shows a sold-out product with no available stock', async () => {
    const soldOut = catalog.find((p) => p.stock === 0)!;
    const { body } = await app.get(`/products/${soldOut.id}`);
    expect(body.availableStock).toBe(0);
  });

  it('answers an unknown product id with 404 PRODUCT.NOT_FOUND', async () => {
    const { status, contentType, body } = await app.get(
      '/products/7d1c1c8e-0000-4000-8000-000000000000',
    );
    expect(status).toBe(404);
    expect(contentType).toContain('application/problem+json');
    expect(body.code).toBe('PRODUCT.NOT_FOUND');
  });

  it('refuses a product id that is not a uuid with a 400 naming the parameter', async () => {
    const { status, body } = await app.get('/products/42');
    expect(status).toBe(400);
    expect(body.errors).toEqual([expect.objectContaining({ field: 'param.id' })]);
  });

  it('lists the categories with their product counts', async () => {
    const { status, body } = await app.get('/categories');
    expect(status).toBe(200);
    expect(body.items).toHaveLength(DEMO_CATEGORIES.length);
    expect(body.items).toEqual(
      expect.arrayContaining(
        DEMO_CATEGORIES.map(({ id, name }) => ({ id, name, productCount: 30 })),
      ),
    );
  });
});
