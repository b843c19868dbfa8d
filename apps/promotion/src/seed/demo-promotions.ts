import { DEMO_CATEGORIES, type DemoCategoryId, demoProductId, demoSku } from '#libs/demo-data';
import type { Discount } from '../pricing/domain/discount.js';
import type { Promotion } from '../promotions/promotion.js';

const BOOKS: DemoCategoryId = 'books';
const ELECTRONICS = DEMO_CATEGORIES.find((category) => category.id === 'electronics')!;

/** In effect since before any demo, with no end. */
const ALWAYS_ON = {
  minimumSubtotal: null,
  validFrom: new Date('2025-01-01T00:00:00Z'),
  validUntil: null,
  active: true,
} as const;

/** Fixed ids, so seeding is idempotent and the demo can refer to them. */
const seedId = (n: number) => `5eed0000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const percent = (value: number): Discount => ({ kind: 'percent', percent: value });
const euros = (amount: number): Discount => ({
  kind: 'fixed',
  amount: { amount, currency: 'EUR' },
});

/**
 * The demo's promotions, on the demo catalog's categories and SKUs (product ids derived from SKUs
 * exactly as the product service derives them). ELEC-0001 to ELEC-0005 have both a €5 product
 * promotion and the 5% electronics one, so the demo shows "the best of them, never both".
 */
export const DEMO_PROMOTIONS: readonly Promotion[] = [
  {
    ...ALWAYS_ON,
    id: seedId(1),
    description: '10% off books',
    scope: 'CATEGORY',
    targetId: BOOKS,
    discount: percent(10),
  },
  {
    ...ALWAYS_ON,
    id: seedId(2),
    description: '5% off electronics',
    scope: 'CATEGORY',
    targetId: ELECTRONICS.id,
    discount: percent(5),
  },
  ...[1, 2, 3, 4, 5].map((n): Promotion => ({
    ...ALWAYS_ON,
    id: seedId(10 + n),
    description: '€5 off this item',
    scope: 'PRODUCT',
    targetId: demoProductId(demoSku(ELECTRONICS.skuPrefix, n)),
    discount: euros(500),
  })),
  {
    ...ALWAYS_ON,
    id: seedId(20),
    description: '5% off carts of €100 or more',
    scope: 'CART',
    targetId: null,
    discount: percent(5),
    minimumSubtotal: { amount: 10_000, currency: 'EUR' },
  },
];
