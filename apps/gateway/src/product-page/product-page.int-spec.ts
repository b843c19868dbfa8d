import type { ProductDetailPage } from '#libs/contracts';
import { hang, problem } from '../../test/fake-downstream.js';
import { type GatewayTestApp, startGateway } from '../../test/gateway-test-app.js';

const productId = '5f1c3f0e-0000-4000-8000-000000000001';
const eur = (amount: number) => ({ amount, currency: 'EUR' });

const product = {
  id: productId,
  sku: 'ELEC-0001',
  name: 'Kettle',
  categoryId: 'home-kitchen',
  price: eur(2_000),
  availableStock: 3,
  imageUrl: null,
  description: 'Boils water.',
  categoryName: 'Home & kitchen',
  attributes: {},
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};
const quote = {
  currency: 'EUR',
  lines: [
    {
      productId,
      quantity: 1,
      unitPrice: eur(2_000),
      listTotal: eur(2_000),
      discounts: [],
      total: eur(2_000),
    },
  ],
  subtotal: eur(2_000),
  cartDiscounts: [],
  discountTotal: eur(0),
  total: eur(2_000),
};
const recommended = {
  productId: '5f1c3f0e-0000-4000-8000-000000000002',
  name: 'Mug',
  categoryId: 'home-kitchen',
  price: eur(500),
  score: 2,
};

describe('the product page', () => {
  let gateway: GatewayTestApp;

  beforeAll(async () => {
    gateway = await startGateway({ DOWNSTREAM_TIMEOUT_MS: '500' });
  });

  afterAll(async () => {
    await gateway.close();
  });

  beforeEach(() => {
    gateway.resetFakes();
    gateway.product.answer({ status: 200, body: product });
    gateway.promotion.answer({ status: 200, body: quote });
    gateway.recommendation.answer({
      status: 200,
      body: { productId, strategy: 'bought-together', items: [recommended] },
    });
  });

  const page = async (id = productId) => {
    const response = await fetch(`${gateway.url}/api/products/${id}/page`);
    return {
      status: response.status,
      body: (await response.json()) as ProductDetailPage & { code?: string },
    };
  };

  it('asks the three services and serves one page', async () => {
    const { status, body } = await page();

    expect(status).toBe(200);
    expect(body).toEqual({
      product,
      pricing: { status: 'ok', listPrice: eur(2_000), price: eur(2_000), discounts: [] },
      recommendations: { status: 'ok', items: [recommended] },
    });
    expect(gateway.product.lastCall.url).toBe(`/products/${productId}`);
    expect(gateway.promotion.lastCall).toMatchObject({
      method: 'POST',
      url: '/quotes',
      body: { lines: [{ productId, quantity: 1 }] },
    });
    expect(gateway.recommendation.lastCall.url).toBe(`/recommendations?productId=${productId}`);
  });

  it('signs and tags the calls it makes on its own account', async () => {
    const response = await fetch(`${gateway.url}/api/products/${productId}/page`, {
      headers: { 'x-request-id': 'page-1' },
    });
    await response.arrayBuffer();

    for (const fake of [gateway.product, gateway.promotion, gateway.recommendation]) {
      expect(fake.lastCall.headers['x-request-id']).toBe('page-1');
      expect(fake.lastCall.headers.authorization).toMatch(/^Bearer /);
      expect(Number(fake.lastCall.headers['x-request-deadline-ms'])).toBeGreaterThan(0);
    }
  });

  it('is a 404 when the product does not exist', async () => {
    gateway.product.answer(problem(404, 'PRODUCT.NOT_FOUND'));

    const { status, body } = await page();

    expect(status).toBe(404);
    expect(body.code).toBe('PRODUCT.NOT_FOUND');
  });

  it('fails with a 504 when the product service does not answer in time', async () => {
    gateway.product.answer(hang);

    expect((await page()).status).toBe(504);
  });

  it('is served with pricing degraded when the promotion service fails', async () => {
    gateway.promotion.answer(problem(503, 'PROMOTION.UNAVAILABLE'));

    const { status, body } = await page();

    expect(status).toBe(200);
    expect(body.pricing).toEqual({
      status: 'degraded',
      reason: 'error',
      listPrice: eur(2_000),
      price: eur(2_000),
      discounts: [],
    });
    expect(body.recommendations.status).toBe('ok');
  });

  // The tests above gave the gateway a good answer for this product: it falls back to that one.
  it('is served with recommendations degraded while they do not know the product', async () => {
    gateway.recommendation.answer(problem(404, 'RECOMMENDATION.UNKNOWN_PRODUCT'));

    const { status, body } = await page();

    expect(status).toBe(200);
    expect(body.recommendations).toEqual({
      status: 'degraded',
      reason: 'unknown-product',
      fallback: 'last-good',
      items: [recommended],
    });
  });

  it('is served within its budget when recommendations hang', async () => {
    gateway.recommendation.answer(hang);

    const startedAt = performance.now();
    const { status, body } = await page();

    expect(status).toBe(200);
    expect(body.recommendations).toEqual({
      status: 'degraded',
      reason: 'timeout',
      fallback: 'last-good',
      items: [recommended],
    });
    expect(performance.now() - startedAt).toBeLessThan(500);
  });

  it('names a malformed product id in a 400', async () => {
    const response = await fetch(`${gateway.url}/api/products/42/page`);

    expect(response.status).toBe(400);
    expect(gateway.product.calls).toHaveLength(0);
  });

  // Last: the recommendation service stays down for the rest of this suite.
  it('is served with recommendations degraded when their service is down', async () => {
    await gateway.recommendation.stop();

    const { status, body } = await page();

    expect(status).toBe(200);
    expect(body.recommendations).toMatchObject({ status: 'degraded', reason: 'unavailable' });
    expect(body.pricing.status).toBe('ok');
  });
});
