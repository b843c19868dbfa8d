import type { PlacementFailure } from '../domain/placement-failure.js';

/**
 * Placing an order failed. `orderId` is set when the order had been created: it has ended
 * CANCELLED (or COMPENSATION_FAILED) with the failure's code as its reason.
 */
export class OrderNotPlaced extends Error {
  override name = 'OrderNotPlaced';

  constructor(
    readonly failure: PlacementFailure,
    readonly orderId?: string,
  ) {
    super(failure.detail);
  }
}
