import type { Money } from '#libs/contracts';
import type { Discount } from './discount.js';

/** A promotion in effect, as pricing sees it. */
export interface PromotionOffer {
  readonly id: string;
  readonly description: string;
  readonly scope: 'PRODUCT' | 'CATEGORY' | 'CART';
  /** The product id (PRODUCT) or the category id (CATEGORY); null for CART. */
  readonly targetId: string | null;
  readonly discount: Discount;
  /** CART only: the smallest discounted subtotal it applies to. */
  readonly minimumSubtotal: Money | null;
}

/**
 * Whether the offer can take part in pricing a cart in `currency` at all: a fixed amount or a
 * threshold in another currency means nothing there (amounts are never converted).
 */
export function canApplyIn(offer: PromotionOffer, currency: string): boolean {
  const fixedAmountFits =
    offer.discount.kind === 'percent' || offer.discount.amount.currency === currency;
  const thresholdFits =
    offer.minimumSubtotal === null || offer.minimumSubtotal.currency === currency;
  return fixedAmountFits && thresholdFits;
}
