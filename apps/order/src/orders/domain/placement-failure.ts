/**
 * Why an order could not be placed, as a stable code. Clients see it in the problem document, and
 * a cancelled order keeps it as its `cancellationReason`.
 */
export type PlacementFailureCode =
  | 'ORDER.OUT_OF_STOCK'
  | 'ORDER.UNKNOWN_PRODUCT'
  | 'ORDER.COUPON_REJECTED'
  | 'ORDER.MIXED_CURRENCIES'
  | 'ORDER.REFUSED_BY_DEPENDENCY'
  | 'ORDER.DEPENDENCY_UNAVAILABLE';

/**
 * - `conflict`: refused because of how things stand (stock ran out, a coupon was used up).
 * - `rule-violated`: refused because the order breaks a rule (an unknown product, an expired coupon).
 * - `unavailable`: no usable answer (down, timed out, nonsense), so whether the step took effect
 *   is unknown.
 *
 * After a refusal (the first two) the step certainly did not take effect.
 */
export type PlacementFailureKind = 'conflict' | 'rule-violated' | 'unavailable';

export interface PlacementFailure {
  readonly code: PlacementFailureCode;
  readonly kind: PlacementFailureKind;
  /** For people: what happened, naming the dependency and its own words. */
  readonly detail: string;
}
