import SwaggerParser from '@apidevtools/swagger-parser';
import { randomUUID } from 'node:crypto';
import { eventually } from '../support/poll.js';
import { SystemUnderTest } from '../support/system-under-test.js';

interface ProductSummary {
  id: string;
  sku: string;
  name: string;
  categoryId: string;
  price: { amount: number; currency: string };
  availableStock: number;
}

/**
 * Every public route of the gateway (../shared/API.md) against the real services, orders aside
 * (their saga has its own suite): what each answers, and how it refuses what it must refuse.
 */
describe('every public route through the gateway', () => {
  let system: SystemUnderTest;
  let admin: string;
  let customer: string;
  let catalog: ProductSummary[];
  const api = (path: string) => system.url('gateway', `/api${path}`);

  // Tests assert on shapes with `expect`, so the body stays loosely typed here, in one place.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  type Body = any;

  async function call(
    path: string,
    init: RequestInit = {},
  ): Promise<{ status: number; body: Body }> {
    const response = await fetch(api(path), init);
    const text = await response.text();
    return { status: response.status, body: text === '' ? undefined : JSON.parse(text) };
  }

  const login = (body: unknown) =>
    call('/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  const post = (path: string, body: unknown, token?: string) =>
    call(path, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify(body),
    });

  beforeAll(async () => {
    system = await SystemUnderTest.start({
      name: 'public-routes',
      portBase: 15300,
      postgresPort: 55453,
      kafkaPort: 19842,
    });
    await Promise.all(
      (['product', 'promotion', 'recommendation', 'order'] as const).map((app) =>
        system.startApp(app),
      ),
    );
    await system.startApp('gateway');
    admin = (await login({ email: 'admin@example.com', password: 'microshop-demo' })).body
      .accessToken;
    customer = (await login({ email: 'alice@example.com', password: 'microshop-demo' })).body
      .accessToken;
    catalog = (await call('/products?pageSize=100')).body.items;
  }, 240_000);

  afterAll(async () => {
    await system?.stop();
  }, 60_000);

  describe('POST /api/auth/login', () => {
    it('signs a demo account in with a bearer access token', async () => {
      const { status, body } = await login({
        email: 'bob@example.com',
        password: 'microshop-demo',
      });

      expect(status).toBe(200);
      expect(body).toMatchObject({ tokenType: 'Bearer', expiresIn: expect.any(Number) });
      expect(body.accessToken.split('.')).toHaveLength(3);
    });

    it('refuses a wrong password with 401', async () => {
      const { status, body } = await login({ email: 'bob@example.com', password: 'wrong-one' });

      expect(status).toBe(401);
      expect(body).toMatchObject({ code: 'AUTH.INVALID_CREDENTIALS' });
    });

    it('refuses a malformed body with 400 naming the field', async () => {
      const { status, body } = await login({ email: 'not-an-email', password: 'microshop-demo' });

      expect(status).toBe(400);
      expect(body.errors).toEqual(
        expect.arrayContaining([expect.objectContaining({ field: 'body.email' })]),
      );
    });
  });

  describe('GET /api/products', () => {
    it('pages the catalog', async () => {
      const first = await call('/products?page=1&pageSize=3');
      const second = await call('/products?page=2&pageSize=3');

      expect(second.status).toBe(200);
      expect(second.body).toMatchObject({ page: 2, pageSize: 3, total: first.body.total });
      expect(second.body.items).toHaveLength(3);
      const firstIds = first.body.items.map((p: ProductSummary) => p.id);
      expect(second.body.items.map((p: ProductSummary) => p.id)).not.toEqual(
        expect.arrayContaining([firstIds[0]]),
      );
    });

    it('refuses a pageSize above 100 with 400 naming it', async () => {
      const { status, body } = await call('/products?pageSize=101');

      expect(status).toBe(400);
      expect(body.errors).toEqual([expect.objectContaining({ field: 'query.pageSize' })]);
    });

    it('finds products by a word of their name', async () => {
      const word = catalog[0]!.name.split(' ')[0]!;

      const { status, body } = await call(`/products?q=${encodeURIComponent(word)}&pageSize=100`);

      expect(status).toBe(200);
      expect(body.items.map((p: ProductSummary) => p.id)).toContain(catalog[0]!.id);
    });

    it('sorts by price', async () => {
      const { body } = await call('/products?sort=price&pageSize=50');
      const prices = body.items.map((p: ProductSummary) => p.price.amount);

      expect(prices.length).toBeGreaterThan(1);
      expect(prices).toEqual([...prices].sort((a, b) => a - b));
    });

    it('filters by category', async () => {
      const categoryId = catalog[0]!.categoryId;

      const { body } = await call(`/products?categoryId=${categoryId}&pageSize=100`);

      expect(body.items.length).toBeGreaterThan(0);
      expect(new Set(body.items.map((p: ProductSummary) => p.categoryId))).toEqual(
        new Set([categoryId]),
      );
    });
  });

  describe('GET /api/products/:id and its page', () => {
    it('serves one product', async () => {
      const { status, body } = await call(`/products/${catalog[0]!.id}`);

      expect(status).toBe(200);
      expect(body).toMatchObject({ id: catalog[0]!.id, sku: catalog[0]!.sku });
    });

    it('answers 404 for an unknown product and 400 for a malformed id', async () => {
      expect(await call(`/products/${randomUUID()}`)).toMatchObject({
        status: 404,
        body: { code: 'PRODUCT.NOT_FOUND' },
      });
      expect((await call('/products/not-a-uuid')).status).toBe(400);
    });

    it('composes the product page from three services', async () => {
      const { status, body } = await call(`/products/${catalog[0]!.id}/page`);

      expect(status).toBe(200);
      expect(body.product.id).toBe(catalog[0]!.id);
      expect(body.pricing).toHaveProperty('status');
      expect(body.recommendations).toMatchObject({ items: expect.any(Array) });
    });
  });

  describe('promotions and recommendations', () => {
    it('lists the promotions that apply to a product', async () => {
      const productId = catalog[0]!.id;

      // The promotion service learns products from product events.
      let answer = await call(`/promotions?productId=${productId}`);
      await eventually('promotion knows the product', async () => {
        answer = await call(`/promotions?productId=${productId}`);
        return answer.status === 200;
      });

      expect(answer.body).toMatchObject({ productId, items: expect.any(Array) });
    });

    it('recommends for a known product, and answers 404 for one it has not heard of', async () => {
      const productId = catalog[0]!.id;

      let answer = await call(`/recommendations?productId=${productId}`);
      await eventually('recommendation knows the product', async () => {
        answer = await call(`/recommendations?productId=${productId}`);
        return answer.status === 200;
      });

      expect(answer.body).toMatchObject({ productId, items: expect.any(Array) });
      expect(await call(`/recommendations?productId=${randomUUID()}`)).toMatchObject({
        status: 404,
        body: { code: 'RECOMMENDATION.UNKNOWN_PRODUCT' },
      });
    });
  });

  describe('POST /api/admin/products', () => {
    const newProduct = () => ({
      sku: `E2E-${randomUUID().slice(0, 8).toUpperCase()}`,
      name: 'End-to-end kettle',
      description: 'Made by a test.',
      categoryId: catalog[0]!.categoryId,
      price: { amount: 2_500, currency: catalog[0]!.price.currency },
      initialStock: 3,
    });

    it('creates a product for an admin (201) that the catalog then serves', async () => {
      const { status, body } = await post('/admin/products', newProduct(), admin);

      expect(status).toBe(201);
      expect((await call(`/products/${body.id}`)).status).toBe(200);
    });

    it('refuses a malformed product (400), no token (401) and a customer (403)', async () => {
      expect((await post('/admin/products', { ...newProduct(), sku: 'lower' }, admin)).status).toBe(
        400,
      );
      expect((await post('/admin/products', newProduct())).status).toBe(401);
      expect(await post('/admin/products', newProduct(), customer)).toMatchObject({
        status: 403,
        body: { code: 'AUTH.FORBIDDEN' },
      });
    });
  });

  it('lets an admin create a coupon and read it with its redemptions', async () => {
    const code = `E2E${randomUUID().slice(0, 6).toUpperCase()}`;

    const created = await post(
      '/admin/coupons',
      { code, percentOff: 10, maxRedemptions: 5 },
      admin,
    );
    const read = await call(`/admin/coupons/${code}`, {
      headers: { authorization: `Bearer ${admin}` },
    });

    expect(created.status).toBe(201);
    expect(read).toMatchObject({ status: 200, body: { code, redemptions: 0 } });
  });

  it('serves the API docs: Swagger UI and a valid OpenAPI document', async () => {
    const page = await fetch(system.url('gateway', '/docs'));
    const document = (await (await fetch(system.url('gateway', '/docs-json'))).json()) as {
      paths: Record<string, object>;
    };

    expect(page.status).toBe(200);
    expect(await page.text()).toContain('swagger-ui');
    await expect(SwaggerParser.validate(document as never)).resolves.toBeTruthy();
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(['/api/products', '/api/admin/coupons/{code}']),
    );
  });

  // Last: the gateway is restarted with a small edge limit for the rest of the suite.
  it('answers 429 with Retry-After and RateLimit headers over the edge limit', async () => {
    await system.kill('gateway', 'SIGTERM');
    await system.startApp('gateway', { RATE_LIMIT_PER_SECOND: '2', RATE_LIMIT_BURST: '0' });

    // Concurrent, so that all of them land within the same one-second window.
    const responses = await Promise.all([1, 2, 3, 4, 5].map(() => fetch(api('/categories'))));
    const refused = responses.filter((response) => response.status === 429);

    expect(refused.length).toBeGreaterThanOrEqual(3);
    const first = refused[0]!;
    expect(first.headers.get('content-type')).toBe('application/problem+json');
    expect(Number(first.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(first.headers.get('ratelimit-limit')).toBe('2');
    expect(first.headers.get('ratelimit-remaining')).toBe('0');
    expect(await first.json()).toMatchObject({ status: 429, code: 'GATEWAY.RATE_LIMITED' });
  }, 90_000);
});
