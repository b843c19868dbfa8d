import type { DomainError } from '#libs/domain-errors';
import type { StockReservation, StockReservationLine } from '#libs/contracts';
import { sameLines } from './reservation-lines.js';
import { StockReservationErrors } from './stock-reservation.errors.js';

// The life of a reservation, one row per order id:
//
//   (none) ──reserve──▶ RESERVED ──commit──▶ COMMITTED
//      │        │           └─────release──▶ RELEASED
//      │        └─(refused)─▶ FAILED
//      └──release (before any reserve)──▶ RELEASED with no lines (a tombstone)
//
// Every status but RESERVED is final. Repeating a command that already happened answers as the
// first time did and changes nothing, so callers can retry freely.

/** A reserve for an order that already has a reservation: the first answer again, never twice. */
export function repeatedReservation(
  existing: StockReservation,
  requestedLines: readonly StockReservationLine[],
): StockReservation {
  if (existing.status === 'RELEASED') throw StockReservationErrors.released(existing.orderId);
  if (!sameLines(existing.lines, requestedLines)) {
    throw StockReservationErrors.mismatch(existing.orderId);
  }
  return existing;
}

/** What releasing an order's reservation has to do. */
export type ReleaseStep = 'return-stock' | 'record-tombstone' | 'nothing';

export function releaseStep(orderId: string, existing: StockReservation | undefined): ReleaseStep {
  if (!existing) return 'record-tombstone';
  switch (existing.status) {
    case 'RESERVED':
      return 'return-stock';
    case 'COMMITTED':
      throw StockReservationErrors.committed(orderId);
    case 'RELEASED':
    case 'FAILED':
      return 'nothing';
  }
}

/** What committing an order's reservation has to do. */
export type CommitStep = 'sell-stock' | 'nothing';

export function commitStep(orderId: string, existing: StockReservation | undefined): CommitStep {
  if (!existing) throw StockReservationErrors.notFound(orderId);
  switch (existing.status) {
    case 'RESERVED':
      return 'sell-stock';
    case 'COMMITTED':
      return 'nothing';
    case 'RELEASED':
      throw StockReservationErrors.released(orderId);
    case 'FAILED':
      throw StockReservationErrors.failed(orderId);
  }
}

/** The error a failed reservation answers with, the first time and on every repeat. */
export function failureOf(reservation: StockReservation): DomainError | undefined {
  switch (reservation.failure?.reason) {
    case 'OUT_OF_STOCK':
      return StockReservationErrors.outOfStock(reservation.failure.productIds);
    case 'UNKNOWN_PRODUCT':
      return StockReservationErrors.unknownProduct(reservation.failure.productIds);
    case 'INJECTED_FAULT':
      return StockReservationErrors.injectedFault();
    case undefined:
      return undefined;
  }
}
