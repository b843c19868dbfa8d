import { createHash } from 'node:crypto';

/**
 * Identifies what a placement request asks for, so that a retry with the same idempotency key can
 * be told from a different request reusing it. Item order does not matter; the customer is part of
 * the key itself, and the coupon code arrives normalised.
 */
export function requestFingerprint(request: {
  items: readonly { productId: string; quantity: number }[];
  couponCode?: string | undefined;
}): string {
  const items = request.items
    .map(({ productId, quantity }) => [productId, quantity] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const canonical = JSON.stringify({ items, couponCode: request.couponCode ?? null });
  return createHash('sha256').update(canonical).digest('hex');
}
