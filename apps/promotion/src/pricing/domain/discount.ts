import type { Money } from '#libs/contracts';

/**
 * What a promotion or coupon takes off: a whole percentage, or a fixed amount in one currency.
 * Percentages are whole numbers from 1 to 100, so a discount never exceeds what it discounts.
 */
export type Discount =
  | { readonly kind: 'percent'; readonly percent: number }
  | { readonly kind: 'fixed'; readonly amount: Money };
