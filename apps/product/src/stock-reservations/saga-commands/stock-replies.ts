import type { PayloadOf, StockReservation } from '#libs/contracts';
import {
  StockCommitted,
  StockReleased,
  StockReservationFailed,
  StockReserved,
} from '#libs/contracts';

/** A fact to answer a saga command with, on `inventory.events`. */
export type StockReply =
  | { contract: typeof StockReserved; payload: PayloadOf<typeof StockReserved> }
  | { contract: typeof StockReservationFailed; payload: PayloadOf<typeof StockReservationFailed> }
  | { contract: typeof StockReleased; payload: PayloadOf<typeof StockReleased> }
  | { contract: typeof StockCommitted; payload: PayloadOf<typeof StockCommitted> };

// The answers to repeated commands. The first answer was announced when the change was made;
// these say it again for a resent command (a new event id, so the inbox let it through), from
// what the reservation records now. The orchestrator treats replies per order idempotently.

/** ReserveStock for an order that already has a reservation. */
export function reserveReplyFor(reservation: StockReservation): StockReply {
  const { orderId, lines } = reservation;
  switch (reservation.status) {
    case 'RESERVED':
    case 'COMMITTED':
      return { contract: StockReserved, payload: { orderId, lines } };
    case 'FAILED': {
      const { reason, productIds } = reservation.failure!;
      return { contract: StockReservationFailed, payload: { orderId, reason, productIds } };
    }
    case 'RELEASED':
      // Released first (a tombstone) or since: either way this order reserves nothing any more.
      return {
        contract: StockReservationFailed,
        payload: { orderId, reason: 'RELEASED', productIds: [] },
      };
  }
}

/**
 * ReleaseStock that moved no stock this time: released before, a tombstone, or a failed
 * reservation that never held anything. The lines say what was given back, none for the last two.
 */
export function releaseReplyFor(reservation: StockReservation): StockReply {
  const { orderId, status, lines } = reservation;
  return {
    contract: StockReleased,
    payload: { orderId, lines: status === 'RELEASED' ? lines : [] },
  };
}

/** CommitStock for a reservation committed before. */
export function commitReplyFor(reservation: StockReservation): StockReply {
  const { orderId, lines } = reservation;
  return { contract: StockCommitted, payload: { orderId, lines } };
}
