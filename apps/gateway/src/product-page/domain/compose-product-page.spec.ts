import type { ProductDetail, ProductPageRecommendations, Quote } from '#libs/contracts';
import { UpstreamError } from '#libs/http-client';
import { composeProductPage, type ProductPageSources } from './compose-product-page.js';

const productId = '5f1c3f0e-0000-4000-8000-000000000001';
const eur = (amount: number) => ({ amount, currency: 'EUR' });

const product: ProductDetail = {
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

const lineDiscount = {
  promotionId: '00000000-0000-4000-8000-00000000000a',
  description: '10% off kettles',
  amount: eur(200),
};
const cartDiscount = {
  promotionId: '00000000-0000-4000-8000-00000000000b',
  description: '1 € off any cart',
  amount: eur(100),
};

const quote: Quote = {
  currency: 'EUR',
  lines: [
    {
      productId,
      quantity: 1,
      unitPrice: eur(2_000),
      listTotal: eur(2_000),
      discounts: [lineDiscount],
      total: eur(1_800),
    },
  ],
  subtotal: eur(1_800),
  cartDiscounts: [cartDiscount],
  discountTotal: eur(300),
  total: eur(1_700),
};

const recommendations: ProductPageRecommendations = {
  status: 'ok',
  items: [
    {
      productId: '5f1c3f0e-0000-4000-8000-000000000002',
      name: 'Mug',
      categoryId: 'home-kitchen',
      price: eur(500),
      score: 4,
    },
  ],
};

/** Sources that all answer, unless a test replaces one. */
function sources(overrides: Partial<ProductPageSources> = {}): ProductPageSources {
  return {
    product: async () => product,
    quote: async () => quote,
    recommendations: async () => recommendations,
    ...overrides,
  };
}

const timedOut = (service: string) => new UpstreamError(service, 0, 'timed out after 3000 ms');
const refused = (service: string) => new UpstreamError(service, 0, 'connect ECONNREFUSED');

describe('composeProductPage', () => {
  it('puts the product, its price for one unit and its recommendations on one page', async () => {
    expect(await composeProductPage(sources())).toEqual({
      product,
      pricing: {
        status: 'ok',
        listPrice: eur(2_000),
        price: eur(1_700),
        discounts: [lineDiscount, cartDiscount],
      },
      recommendations,
    });
  });

  it('asks all three services at once rather than one after another', async () => {
    const started: string[] = [];
    let releaseProduct!: () => void;
    const page = composeProductPage({
      product: () => {
        started.push('product');
        return new Promise((resolve) => (releaseProduct = () => resolve(product)));
      },
      quote: async () => (started.push('quote'), quote),
      recommendations: async () => (started.push('recommendations'), recommendations),
    });

    expect(started.sort()).toEqual(['product', 'quote', 'recommendations']);
    releaseProduct();
    await page;
  });

  it('fails with the product service when the product cannot be had', async () => {
    const missing = new UpstreamError('product', 404, 'No product');

    await expect(
      composeProductPage(sources({ product: () => Promise.reject(missing) })),
    ).rejects.toBe(missing);
  });

  it('serves the list price, marked degraded, when pricing times out', async () => {
    const page = await composeProductPage(
      sources({ quote: () => Promise.reject(timedOut('promotion')) }),
    );

    expect(page.pricing).toEqual({
      status: 'degraded',
      reason: 'timeout',
      listPrice: product.price,
      price: product.price,
      discounts: [],
    });
    expect(page.recommendations.status).toBe('ok');
  });

  it('shows recommendations as their source degraded them', async () => {
    const degraded: ProductPageRecommendations = {
      status: 'degraded',
      reason: 'circuit-open',
      fallback: 'last-good',
      items: recommendations.items,
    };

    const page = await composeProductPage(sources({ recommendations: async () => degraded }));

    expect(page.recommendations).toBe(degraded);
    expect(page.pricing.status).toBe('ok');
  });

  it('gives the recommendations source the product being fetched, for its category', async () => {
    let given: string | undefined;

    await composeProductPage(
      sources({
        recommendations: async (pending) => ((given = (await pending).categoryId), recommendations),
      }),
    );

    expect(given).toBe('home-kitchen');
  });

  it('shows no recommendations rather than no page should their source itself fail', async () => {
    const page = await composeProductPage(
      sources({ recommendations: () => Promise.reject(refused('recommendation')) }),
    );

    expect(page.recommendations).toEqual({ status: 'degraded', reason: 'unavailable', items: [] });
    expect(page.pricing.status).toBe('ok');
  });

  it('treats a failing service and a quote without the product as errors', async () => {
    const failing = new UpstreamError('promotion', 500, 'answered 500');
    const emptyQuote = { ...quote, lines: [] };

    expect(
      (await composeProductPage(sources({ quote: () => Promise.reject(failing) }))).pricing,
    ).toMatchObject({
      status: 'degraded',
      reason: 'error',
    });
    expect(
      (await composeProductPage(sources({ quote: async () => emptyQuote }))).pricing,
    ).toMatchObject({
      status: 'degraded',
      reason: 'error',
    });
  });
});
