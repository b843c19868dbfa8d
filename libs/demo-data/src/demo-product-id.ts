import { createHash } from 'node:crypto';

/** A fixed namespace, so every service derives the same id from the same SKU. */
const NAMESPACE = 'microshop:demo-product:';

/**
 * The id of a demo product, derived from its SKU (a name-based UUID in the style of RFC 9562
 * version 5). Seeds in the catalog, promotion and test code agree on ids without a lookup.
 */
export function demoProductId(sku: string): string {
  const hash = createHash('sha1')
    .update(NAMESPACE + sku)
    .digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
