import type { ReserveStockRequest, StockReservation } from '#libs/contracts';
import { normalizedLines } from './reservation-lines.js';

/**
 * Decides a first reservation for an order: every line, or nothing. It fails when a product does
 * not exist (`UNKNOWN_PRODUCT`, checked first: no stock can fix that) or when any line asks for
 * more than is available (`OUT_OF_STOCK`, naming every short product, not just the first).
 *
 * @param available units available per product id (lower-case), for the products that exist
 */
export function newReservation(
  request: ReserveStockRequest,
  available: ReadonlyMap<string, number>,
): StockReservation {
  const orderId = request.orderId.toLowerCase();
  const lines = normalizedLines(request.lines);
  const unknown = lines.filter((line) => !available.has(line.productId));
  const short = lines.filter((line) => (available.get(line.productId) ?? 0) < line.quantity);
  const productIdsOf = (some: typeof lines) => some.map((line) => line.productId);

  if (unknown.length > 0) {
    return failed(orderId, lines, 'UNKNOWN_PRODUCT', productIdsOf(unknown));
  }
  if (short.length > 0) {
    return failed(orderId, lines, 'OUT_OF_STOCK', productIdsOf(short));
  }
  return { orderId, status: 'RESERVED', lines };
}

function failed(
  orderId: string,
  lines: StockReservation['lines'],
  reason: NonNullable<StockReservation['failure']>['reason'],
  productIds: string[],
): StockReservation {
  return { orderId, status: 'FAILED', lines, failure: { reason, productIds } };
}

/**
 * A first reservation refused by an admin's fault switch (docs/fault-injection.md): recorded and
 * announced like any refusal, so that a resent command gets the same answer.
 */
export function injectedFailure(request: ReserveStockRequest): StockReservation {
  return failed(
    request.orderId.toLowerCase(),
    normalizedLines(request.lines),
    'INJECTED_FAULT',
    [],
  );
}
