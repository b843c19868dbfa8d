import type { StockReservation } from '#libs/contracts';
import { commitReplyFor, releaseReplyFor, reserveReplyFor } from './stock-replies.js';

const ORDER = '0f8b9d52-1c1e-4a8e-9a57-3f4f3c7a0001';
const A = '00000000-0000-4000-8000-00000000000a';
const lines = [{ productId: A, quantity: 2 }];

const reservation = (
  status: StockReservation['status'],
  extra: Partial<StockReservation> = {},
): StockReservation => ({ orderId: ORDER, status, lines, ...extra });

const answer = (reply: ReturnType<typeof reserveReplyFor>) => ({
  type: reply.contract.type,
  payload: reply.payload,
});

describe('the answer to a resent ReserveStock', () => {
  it('is StockReserved while the stock is held or sold', () => {
    for (const status of ['RESERVED', 'COMMITTED'] as const) {
      expect(answer(reserveReplyFor(reservation(status)))).toEqual({
        type: 'StockReserved',
        payload: { orderId: ORDER, lines },
      });
    }
  });

  it('repeats the refusal of a failed reservation, reason and products', () => {
    const failed = reservation('FAILED', { failure: { reason: 'OUT_OF_STOCK', productIds: [A] } });
    expect(answer(reserveReplyFor(failed))).toEqual({
      type: 'StockReservationFailed',
      payload: { orderId: ORDER, reason: 'OUT_OF_STOCK', productIds: [A] },
    });
  });

  it('is a RELEASED refusal once the order was released, tombstone or not', () => {
    for (const released of [reservation('RELEASED'), reservation('RELEASED', { lines: [] })]) {
      expect(answer(reserveReplyFor(released))).toEqual({
        type: 'StockReservationFailed',
        payload: { orderId: ORDER, reason: 'RELEASED', productIds: [] },
      });
    }
  });
});

describe('the answer to a release that moved nothing this time', () => {
  it('names the lines given back by the earlier release', () => {
    expect(answer(releaseReplyFor(reservation('RELEASED')))).toEqual({
      type: 'StockReleased',
      payload: { orderId: ORDER, lines },
    });
  });

  it('names no lines for a reservation that never held stock', () => {
    const failed = reservation('FAILED', { failure: { reason: 'INJECTED_FAULT', productIds: [] } });
    for (const nothingHeld of [reservation('RELEASED', { lines: [] }), failed]) {
      expect(releaseReplyFor(nothingHeld).payload).toEqual({ orderId: ORDER, lines: [] });
    }
  });
});

describe('the answer to a resent CommitStock', () => {
  it('is StockCommitted with the sold lines', () => {
    expect(answer(commitReplyFor(reservation('COMMITTED')))).toEqual({
      type: 'StockCommitted',
      payload: { orderId: ORDER, lines },
    });
  });
});
