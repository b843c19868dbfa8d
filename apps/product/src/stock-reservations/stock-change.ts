import type { StockReservation } from '#libs/contracts';

/** What a release or commit left behind, and whether it announced a fact this time. */
export interface StockChange {
  reservation: StockReservation;
  /** False when nothing moved (a repeat, a tombstone): no event was written. */
  announced: boolean;
}
