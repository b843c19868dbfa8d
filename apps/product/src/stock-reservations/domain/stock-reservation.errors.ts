import { DomainError } from '#libs/domain-errors';

/** The expected ways a reservation request can be refused, with their stable codes. */
export const StockReservationErrors = {
  outOfStock: (productIds: readonly string[]) =>
    new DomainError(
      'PRODUCT.OUT_OF_STOCK',
      'conflict',
      `Not enough stock for product(s) ${productIds.join(', ')}.`,
    ),
  unknownProduct: (productIds: readonly string[]) =>
    new DomainError(
      'PRODUCT.UNKNOWN_PRODUCT',
      'rule-violated',
      `No such product(s): ${productIds.join(', ')}.`,
    ),
  injectedFault: () =>
    new DomainError(
      'PRODUCT.INJECTED_FAULT',
      'conflict',
      'The reservation was refused by a fault switched on for testing (docs/fault-injection.md).',
    ),
  notFound: (orderId: string) =>
    new DomainError(
      'PRODUCT.RESERVATION_NOT_FOUND',
      'not-found',
      `Order ${orderId} has no stock reservation.`,
    ),
  released: (orderId: string) =>
    new DomainError(
      'PRODUCT.RESERVATION_RELEASED',
      'conflict',
      `The stock reservation of order ${orderId} was released; the order cannot reserve again.`,
    ),
  committed: (orderId: string) =>
    new DomainError(
      'PRODUCT.RESERVATION_COMMITTED',
      'conflict',
      `The stock reservation of order ${orderId} is committed; its stock is sold.`,
    ),
  failed: (orderId: string) =>
    new DomainError(
      'PRODUCT.RESERVATION_FAILED',
      'conflict',
      `The stock reservation of order ${orderId} failed; there is nothing to commit.`,
    ),
  mismatch: (orderId: string) =>
    new DomainError(
      'PRODUCT.RESERVATION_MISMATCH',
      'conflict',
      `Order ${orderId} already asked for stock with different lines.`,
    ),
};
