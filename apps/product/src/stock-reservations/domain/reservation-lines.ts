import type { StockReservationLine } from '#libs/contracts';

/**
 * Lines in one canonical form, product ids lower-cased (as PostgreSQL prints uuids) and sorted, so
 * that two requests for the same units compare equal and every answer lists lines the same way.
 */
export function normalizedLines(lines: readonly StockReservationLine[]): StockReservationLine[] {
  return lines
    .map((line) => ({ productId: line.productId.toLowerCase(), quantity: line.quantity }))
    .sort((a, b) => (a.productId < b.productId ? -1 : a.productId > b.productId ? 1 : 0));
}

/** Whether two requests ask for the same units of the same products, in any order. */
export function sameLines(
  a: readonly StockReservationLine[],
  b: readonly StockReservationLine[],
): boolean {
  const left = normalizedLines(a);
  const right = normalizedLines(b);
  return (
    left.length === right.length &&
    left.every(
      (line, i) => line.productId === right[i]!.productId && line.quantity === right[i]!.quantity,
    )
  );
}
