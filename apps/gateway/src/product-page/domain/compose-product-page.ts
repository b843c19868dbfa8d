import type {
  ProductDetail,
  ProductDetailPage,
  ProductPagePricing,
  ProductPageRecommendations,
  Quote,
} from '#libs/contracts';
import { degradationReasonOf } from './degradation-reason.js';

/** Where each part of the page comes from; each call is already bound to the request. */
export interface ProductPageSources {
  product(): Promise<ProductDetail>;
  /** A quote for one unit of the product. */
  quote(): Promise<Quote>;
  /**
   * Recommendations, already degraded with their fallback when the service cannot answer (see
   * recommendations/resilient-recommendations.ts). Given the product as it is being fetched, so
   * a fallback can use its category without a second call.
   */
  recommendations(product: Promise<ProductDetail>): Promise<ProductPageRecommendations>;
}

/**
 * A product page from three services asked at once. The product is the page: its failure is the
 * page's failure. Pricing and recommendations are optional: when one fails the page is still
 * served, that part marked `degraded` with the reason (pricing falls back to the list price).
 */
export async function composeProductPage(sources: ProductPageSources): Promise<ProductDetailPage> {
  const product = sources.product();
  const quote = settle(sources.quote());
  const recommendations = settle(sources.recommendations(product));
  const shown = await product;
  return {
    product: shown,
    pricing: pricingFrom(shown, await quote),
    recommendations: recommendationsFrom(await recommendations),
  };
}

type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

function settle<T>(promise: Promise<T>): Promise<Settled<T>> {
  return promise.then(
    (value) => ({ ok: true, value }),
    (error: unknown) => ({ ok: false, error }),
  );
}

function pricingFrom(product: ProductDetail, quote: Settled<Quote>): ProductPagePricing {
  const line = quote.ok ? quote.value.lines.find((l) => l.productId === product.id) : undefined;
  if (!quote.ok || !line) {
    const reason = quote.ok ? 'error' : degradationReasonOf(quote.error);
    return {
      status: 'degraded',
      reason,
      listPrice: product.price,
      price: product.price,
      discounts: [],
    };
  }
  return {
    status: 'ok',
    listPrice: line.unitPrice,
    price: quote.value.total,
    discounts: [...line.discounts, ...quote.value.cartDiscounts],
  };
}

/** The part as its source made it; should the source itself fail, no items rather than no page. */
function recommendationsFrom(
  found: Settled<ProductPageRecommendations>,
): ProductPageRecommendations {
  return found.ok
    ? found.value
    : { status: 'degraded', reason: degradationReasonOf(found.error), items: [] };
}
