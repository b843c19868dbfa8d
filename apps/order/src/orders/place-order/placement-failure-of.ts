import { UpstreamError } from '#libs/http-client';
import type { PlacementFailure, PlacementFailureCode } from '../domain/placement-failure.js';

/** Upstream codes with a meaning of their own for the customer; the rest are refused generically. */
const ORDER_CODE_OF: Record<string, PlacementFailureCode> = {
  'PRODUCT.OUT_OF_STOCK': 'ORDER.OUT_OF_STOCK',
  'PRODUCT.UNKNOWN_PRODUCT': 'ORDER.UNKNOWN_PRODUCT',
  'PROMOTION.UNKNOWN_PRODUCT': 'ORDER.UNKNOWN_PRODUCT',
  'PROMOTION.MIXED_CURRENCIES': 'ORDER.MIXED_CURRENCIES',
  'PROMOTION.REDEMPTION_RELEASED': 'ORDER.COUPON_REJECTED',
};

/** Statuses that are a considered "no": the call certainly changed nothing. */
const REFUSALS = new Set([400, 404, 409, 410, 422]);

/**
 * What a failed call to product or promotion means for the order. A refusal keeps its kind (409
 * stays a conflict, the rest break a rule) and gets an order code; anything else (no answer, a
 * timeout, a 5xx, a 401, an answer that breaks its contract) makes the dependency unavailable.
 * Returns undefined for errors that are not a dependency's answer.
 */
export function placementFailureOf(error: unknown): PlacementFailure | undefined {
  if (!(error instanceof UpstreamError)) return undefined;
  if (!REFUSALS.has(error.status)) {
    return { code: 'ORDER.DEPENDENCY_UNAVAILABLE', kind: 'unavailable', detail: error.message };
  }
  const upstreamCode = error.problem?.code;
  return {
    code: orderCodeFor(upstreamCode),
    kind: error.status === 409 ? 'conflict' : 'rule-violated',
    detail: upstreamCode ? `${error.message} (${upstreamCode})` : error.message,
  };
}

function orderCodeFor(upstreamCode: string | undefined): PlacementFailureCode {
  if (!upstreamCode) return 'ORDER.REFUSED_BY_DEPENDENCY';
  if (upstreamCode.startsWith('PROMOTION.COUPON_')) return 'ORDER.COUPON_REJECTED';
  return ORDER_CODE_OF[upstreamCode] ?? 'ORDER.REFUSED_BY_DEPENDENCY';
}
