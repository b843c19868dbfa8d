import type { PlacementFailure } from '../domain/placement-failure.js';

/**
 * Placing an order failed before the order existed: promotion refused the quote, was unavailable,
 * or answered one that does not add up. Nothing was written, so a retry with the same key quotes
 * again. (Once the order exists, failures end it CANCELLED through its saga instead.)
 */
export class OrderNotPlaced extends Error {
  override name = 'OrderNotPlaced';

  constructor(readonly failure: PlacementFailure) {
    super(failure.detail);
  }
}
