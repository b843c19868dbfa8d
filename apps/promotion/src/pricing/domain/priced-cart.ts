/** A promotion's discount on a line or on the cart, in minor units of the cart's currency. */
export interface AppliedPromotion {
  readonly promotionId: string;
  readonly description: string;
  readonly amount: number;
}

export interface PricedLine {
  readonly productId: string;
  readonly quantity: number;
  readonly unitPrice: number;
  /** `unitPrice` × `quantity`. */
  readonly listTotal: number;
  /** At most one: the best of the line's product and category promotions. */
  readonly discounts: readonly AppliedPromotion[];
  readonly total: number;
}

/**
 * The outcome of pricing a cart, every amount in integer minor units of `currency`.
 * Invariants: every amount is a non-negative integer; each discount is at most what it applied to;
 * `total` = sum of `listTotal` − `discountTotal`.
 */
export interface PricedCart {
  readonly currency: string;
  readonly lines: readonly PricedLine[];
  /** The sum of the line totals, after line discounts. */
  readonly subtotal: number;
  /** At most one: the best CART promotion, on `subtotal`. */
  readonly cartDiscounts: readonly AppliedPromotion[];
  /** The coupon's discount, on what remains after the cart discount. */
  readonly coupon?: { readonly code: string; readonly amount: number };
  readonly discountTotal: number;
  readonly total: number;
}
