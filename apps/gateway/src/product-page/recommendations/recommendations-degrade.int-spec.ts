import type { ProductDetailPage, PublicProductRecommendations } from '#libs/contracts';
import { eventually } from '../../../../../test/support/poll.js';
import { hang, problem } from '../../../test/fake-downstream.js';
import {
  type GatewayTestApp,
  mintAccessToken,
  startGateway,
} from '../../../test/gateway-test-app.js';

const eur = (amount: number) => ({ amount, currency: 'EUR' });
const id = (n: number) => `5f1c3f0e-0000-4000-8000-${String(n).padStart(12, '0')}`;

const productOf = (n: number, categoryId = 'home-kitchen') => ({
  id: id(n),
  sku: `HOME-${n}`,
  name: `Product ${n}`,
  categoryId,
  price: eur(1_000 + n),
  availableStock: 3,
  imageUrl: null,
  description: 'A product.',
  categoryName: 'Home & kitchen',
  attributes: {},
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
});
const recommendedOf = (n: number, score: number) => ({
  productId: id(n),
  name: `Product ${n}`,
  categoryId: 'home-kitchen',
  price: eur(1_000 + n),
  score,
});
const quoteFor = (productId: string) => ({
  currency: 'EUR',
  lines: [
    {
      productId,
      quantity: 1,
      unitPrice: eur(1_000),
      listTotal: eur(1_000),
      discounts: [],
      total: eur(1_000),
    },
  ],
  subtotal: eur(1_000),
  cartDiscounts: [],
  discountTotal: eur(0),
  total: eur(1_000),
});

/** A catalog of products 1..n, all in one category, each recommending product 90 + its number. */
function answerNormally(gateway: GatewayTestApp) {
  gateway.product.answer((call) => {
    const n = Number(call.url.slice(-2));
    return { status: 200, body: productOf(n) };
  });
  gateway.promotion.answer((call) => ({
    status: 200,
    body: quoteFor((call.body as { lines: { productId: string }[] }).lines[0]!.productId),
  }));
  gateway.recommendation.answer((call) => {
    const productId = new URL(call.url, 'http://x').searchParams.get('productId')!;
    const n = Number(productId.slice(-2));
    return {
      status: 200,
      body: { productId, strategy: 'bought-together', items: [recommendedOf(90 + n, n)] },
    };
  });
}

async function pageOf(gateway: GatewayTestApp, n: number) {
  const startedAt = performance.now();
  const response = await fetch(`${gateway.url}/api/products/${id(n)}/page`);
  const body = (await response.json()) as ProductDetailPage;
  return { status: response.status, body, ms: performance.now() - startedAt };
}

async function metricsOf(gateway: GatewayTestApp): Promise<string> {
  return (await fetch(`${gateway.url}/metrics`)).text();
}

describe('recommendations, degraded gracefully', () => {
  let gateway: GatewayTestApp;
  let admin: string;

  beforeAll(async () => {
    gateway = await startGateway({
      DOWNSTREAM_TIMEOUT_MS: '1000',
      RECOMMENDATION_TIMEOUT_MS: '100',
      RECOMMENDATION_BREAKER_MINIMUM_CALLS: '6',
      RECOMMENDATION_BREAKER_OPEN_MS: '300',
    });
    admin = await mintAccessToken('admin-1', 'admin');
  });

  afterAll(async () => {
    await gateway.close();
  });

  beforeEach(async () => {
    gateway.resetFakes();
    answerNormally(gateway);
    // Every test starts closed: let the circuit see good answers until it is.
    await eventually('the circuit is closed', async () => {
      await pageOf(gateway, 50);
      return /resilience_circuit_state\{[^}]*state="closed"[^}]*\} 1/.test(
        await metricsOf(gateway),
      );
    });
    gateway.resetFakes();
    answerNormally(gateway);
  });

  it("falls back to the product's last good answer when the service fails", async () => {
    expect((await pageOf(gateway, 1)).body.recommendations.status).toBe('ok');
    gateway.recommendation.answer(problem(503, 'SERVICE.UNAVAILABLE'));

    const { status, body } = await pageOf(gateway, 1);

    expect(status).toBe(200);
    expect(body.recommendations).toEqual({
      status: 'degraded',
      reason: 'error',
      fallback: 'last-good',
      items: [recommendedOf(91, 1)],
    });
  });

  it('falls back to popular products of the same category it has seen, then to nothing', async () => {
    await pageOf(gateway, 2);
    await pageOf(gateway, 3);
    gateway.recommendation.answer(problem(503, 'SERVICE.UNAVAILABLE'));

    const sameCategory = await pageOf(gateway, 4);
    gateway.product.answer({ status: 200, body: productOf(5, 'garden') });
    const unknownCategory = await pageOf(gateway, 5);

    expect(sameCategory.body.recommendations.fallback).toBe('category-popular');
    const shown = sameCategory.body.recommendations.items.map((item) => item.productId);
    // Best score first: product 93 was recommended with score 3, 92 with 2.
    expect(shown).toContain(id(93));
    expect(shown.indexOf(id(93))).toBeLessThan(shown.indexOf(id(92)));
    expect(shown).not.toContain(id(4));
    // (The reason may be the failure or, after several, the circuit it opened.)
    expect(unknownCategory.body.recommendations).toMatchObject({
      status: 'degraded',
      fallback: 'none',
      items: [],
    });
    expect(await metricsOf(gateway)).toMatch(
      /resilience_fallbacks_total\{[^}]*source="category_popular"[^}]*\} [1-9]/,
    );
  });

  it('opens the circuit on a hung service, then serves fast without calling it', async () => {
    gateway.recommendation.answer(hang);
    await eventually('the circuit opens', async () => {
      const { body } = await pageOf(gateway, 6);
      return body.recommendations.reason === 'circuit-open';
    });
    const callsWhenOpen = gateway.recommendation.calls.length;

    const { status, body, ms } = await pageOf(gateway, 6);

    expect(status).toBe(200);
    expect(body.recommendations).toMatchObject({ status: 'degraded', reason: 'circuit-open' });
    expect(gateway.recommendation.calls).toHaveLength(callsWhenOpen);
    expect(ms).toBeLessThan(100);
    const metrics = await metricsOf(gateway);
    expect(metrics).toMatch(/resilience_circuit_state\{[^}]*state="open"[^}]*\} 1/);
    expect(metrics).toMatch(/resilience_calls_total\{[^}]*outcome="short_circuited"[^}]*\} [1-9]/);
    expect(metrics).toMatch(/recommendations_degraded_total\{reason="circuit-open"[^}]*\} [1-9]/);
  });

  it('closes the circuit again once the service answers, without a restart', async () => {
    gateway.recommendation.answer(hang);
    await eventually('the circuit opens', async () => {
      return (await pageOf(gateway, 7)).body.recommendations.reason === 'circuit-open';
    });

    answerNormally(gateway);

    await eventually('the circuit closes', async () => {
      const { body } = await pageOf(gateway, 7);
      const metrics = await metricsOf(gateway);
      return (
        body.recommendations.status === 'ok' &&
        /resilience_circuit_state\{[^}]*state="closed"[^}]*\} 1/.test(metrics)
      );
    });
    expect(await metricsOf(gateway)).toMatch(
      /resilience_circuit_transitions_total\{[^}]*from="half_open",to="closed"[^}]*\} [1-9]/,
    );
  });

  describe('GET /api/recommendations', () => {
    const recommendations = async (n: number) => {
      const response = await fetch(`${gateway.url}/api/recommendations?productId=${id(n)}&limit=3`);
      return {
        status: response.status,
        body: (await response.json()) as PublicProductRecommendations,
      };
    };

    it("answers with the service's own answer while it works", async () => {
      const { status, body } = await recommendations(8);

      expect(status).toBe(200);
      expect(body).toEqual({
        productId: id(8),
        strategy: 'bought-together',
        items: [recommendedOf(98, 8)],
      });
    });

    it('answers 200 in the same shape, marked degraded, when the service cannot', async () => {
      await recommendations(9);
      gateway.recommendation.answer(problem(500, 'BOOM'));

      const { status, body } = await recommendations(9);

      expect(status).toBe(200);
      expect(body).toEqual({
        productId: id(9),
        strategy: 'bought-together',
        items: [recommendedOf(99, 9)],
        status: 'degraded',
        reason: 'error',
        fallback: 'last-good',
      });
    });

    it('keeps a 404 for a product the service has not heard of', async () => {
      gateway.recommendation.answer(problem(404, 'RECOMMENDATION.UNKNOWN_PRODUCT'));

      const { status, body } = await recommendations(10);

      expect(status).toBe(404);
      expect(body).toMatchObject({ code: 'RECOMMENDATION.UNKNOWN_PRODUCT' });
    });

    it('names a malformed product id in a 400 without calling the service', async () => {
      const response = await fetch(`${gateway.url}/api/recommendations?productId=42`);

      expect(response.status).toBe(400);
      expect(gateway.recommendation.calls).toHaveLength(0);
    });
  });

  describe('the kill switch', () => {
    const features = (method: 'GET' | 'PUT', body?: unknown, token = admin) =>
      fetch(`${gateway.url}/api/admin/features/recommendations`, {
        method,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });

    afterEach(async () => {
      await features('PUT', { enabled: true });
    });

    it('turns recommendations off at once, without calling the service, and back on', async () => {
      const off = await features('PUT', { enabled: false });
      expect(off.status).toBe(200);
      expect(await off.json()).toEqual({ enabled: false });

      const { status, body } = await pageOf(gateway, 11);

      expect(status).toBe(200);
      expect(body.recommendations).toEqual({
        status: 'degraded',
        reason: 'disabled',
        fallback: 'none',
        items: [],
      });
      expect(gateway.recommendation.calls).toHaveLength(0);
      expect(await (await features('GET')).json()).toEqual({ enabled: false });
      expect(await metricsOf(gateway)).toMatch(
        /feature_enabled\{feature="recommendations"[^}]*\} 0/,
      );

      await features('PUT', { enabled: true });
      expect((await pageOf(gateway, 11)).body.recommendations.status).toBe('ok');
      expect(await metricsOf(gateway)).toMatch(
        /feature_enabled\{feature="recommendations"[^}]*\} 1/,
      );
    });

    it('is for admins only', async () => {
      const customer = await mintAccessToken('alice', 'customer');

      expect((await features('PUT', { enabled: false }, customer)).status).toBe(403);
      expect((await pageOf(gateway, 12)).body.recommendations.status).toBe('ok');
    });

    it('names a bad body and an unknown feature', async () => {
      const badBody = await features('PUT', { enabled: 'no' });
      const unknown = await fetch(`${gateway.url}/api/admin/features/checkout`, {
        headers: { authorization: `Bearer ${admin}` },
      });

      expect(badBody.status).toBe(400);
      expect(JSON.stringify(await badBody.json())).toContain('enabled');
      expect(unknown.status).toBe(404);
      expect(await unknown.json()).toMatchObject({ code: 'FEATURES.UNKNOWN_FEATURE' });
    });
  });

  it('never involves recommendation in checkout, even while it hangs', async () => {
    gateway.recommendation.answer(hang);
    gateway.order.answer({ status: 202, body: { id: id(77), status: 'PENDING' } });
    const customer = await mintAccessToken('alice', 'customer');

    const response = await fetch(`${gateway.url}/api/orders`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${customer}`,
        'content-type': 'application/json',
        'idempotency-key': 'checkout-without-recommendations',
      },
      body: JSON.stringify({ items: [{ productId: id(1), quantity: 1 }] }),
    });

    expect(response.status).toBe(202);
    expect(gateway.order.calls).toHaveLength(1);
    expect(gateway.recommendation.calls).toHaveLength(0);
  });
});
