/**
 * The demo catalog's categories. Ids are stable slugs, so seeds in different services (catalog,
 * promotions) can refer to them without asking each other.
 */
export const DEMO_CATEGORIES = [
  { id: 'electronics', name: 'Electronics', skuPrefix: 'ELEC' },
  { id: 'home-kitchen', name: 'Home & Kitchen', skuPrefix: 'HOME' },
  { id: 'books', name: 'Books', skuPrefix: 'BOOK' },
  { id: 'sports-outdoors', name: 'Sports & Outdoors', skuPrefix: 'SPRT' },
  { id: 'toys-games', name: 'Toys & Games', skuPrefix: 'TOYS' },
  { id: 'beauty', name: 'Beauty', skuPrefix: 'BEAU' },
  { id: 'fashion', name: 'Fashion', skuPrefix: 'FASH' },
  { id: 'grocery', name: 'Grocery', skuPrefix: 'GROC' },
] as const;

export type DemoCategoryId = (typeof DEMO_CATEGORIES)[number]['id'];

/** Products per category in the demo catalog: SKUs run `<prefix>-0001` to `<prefix>-0030`. */
export const DEMO_PRODUCTS_PER_CATEGORY = 30;

/** The SKU of the n-th (1-based) demo product of a category, e.g. `demoSku('ELEC', 1)` = `ELEC-0001`. */
export function demoSku(skuPrefix: string, n: number): string {
  return `${skuPrefix}-${String(n).padStart(4, '0')}`;
}
