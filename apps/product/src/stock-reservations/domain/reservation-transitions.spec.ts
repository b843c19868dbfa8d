import type { StockReservation } from '#libs/contracts';
import {
  commitStep,
  failureOf,
  releaseStep,
  repeatedReservation,
} from './reservation-transitions.js';

const ORDER = '0f8b9d52-1c1e-4a8e-9a57-3f4f3c7a0001';
const A = '00000000-0000-4000-8000-00000000000a';
const lines = [{ productId: A, quantity: 2 }];

function reservation(
  status: StockReservation['status'],
  extra: Partial<StockReservation> = {},
): StockReservation {
  return { orderId: ORDER, status, lines, ...extra };
}

const tombstone = reservation('RELEASED', { lines: [] });
const failed = reservation('FAILED', { failure: { reason: 'OUT_OF_STOCK', productIds: [A] } });

describe('a repeated reserve', () => {
  it('answers with the existing reservation, whatever became of it', () => {
    for (const existing of [reservation('RESERVED'), reservation('COMMITTED'), failed]) {
      expect(repeatedReservation(existing, lines)).toBe(existing);
    }
  });

  it('is refused once the order was released, tombstone or not', () => {
    for (const existing of [reservation('RELEASED'), tombstone]) {
      expect(() => repeatedReservation(existing, lines)).toThrow(
        expect.objectContaining({ code: 'PRODUCT.RESERVATION_RELEASED' }),
      );
    }
  });

  it('is refused when it asks for different lines than the first time', () => {
    expect(() =>
      repeatedReservation(reservation('RESERVED'), [{ productId: A, quantity: 3 }]),
    ).toThrow(expect.objectContaining({ code: 'PRODUCT.RESERVATION_MISMATCH', kind: 'conflict' }));
  });
});

describe('releasing', () => {
  it('returns the stock of a held reservation', () => {
    expect(releaseStep(ORDER, reservation('RESERVED'))).toBe('return-stock');
  });

  it('records a tombstone for an order it has never seen', () => {
    expect(releaseStep(ORDER, undefined)).toBe('record-tombstone');
  });

  it('does nothing again for a released or failed reservation', () => {
    expect(releaseStep(ORDER, reservation('RELEASED'))).toBe('nothing');
    expect(releaseStep(ORDER, tombstone)).toBe('nothing');
    expect(releaseStep(ORDER, failed)).toBe('nothing');
  });

  it('is refused once the stock is sold', () => {
    expect(() => releaseStep(ORDER, reservation('COMMITTED'))).toThrow(
      expect.objectContaining({ code: 'PRODUCT.RESERVATION_COMMITTED', kind: 'conflict' }),
    );
  });
});

describe('committing', () => {
  it('sells the stock of a held reservation, once', () => {
    expect(commitStep(ORDER, reservation('RESERVED'))).toBe('sell-stock');
    expect(commitStep(ORDER, reservation('COMMITTED'))).toBe('nothing');
  });

  it('is refused for an unknown, released or failed reservation', () => {
    const codeOf = (existing: StockReservation | undefined) => {
      try {
        commitStep(ORDER, existing);
        return 'none';
      } catch (error) {
        return (error as { code: string }).code;
      }
    };
    expect(codeOf(undefined)).toBe('PRODUCT.RESERVATION_NOT_FOUND');
    expect(codeOf(reservation('RELEASED'))).toBe('PRODUCT.RESERVATION_RELEASED');
    expect(codeOf(tombstone)).toBe('PRODUCT.RESERVATION_RELEASED');
    expect(codeOf(failed)).toBe('PRODUCT.RESERVATION_FAILED');
  });
});

describe('failureOf', () => {
  it('answers a failed reservation with the error that names its products', () => {
    expect(failureOf(failed)).toMatchObject({
      code: 'PRODUCT.OUT_OF_STOCK',
      kind: 'conflict',
      message: expect.stringContaining(A),
    });
    expect(
      failureOf(reservation('FAILED', { failure: { reason: 'UNKNOWN_PRODUCT', productIds: [A] } })),
    ).toMatchObject({ code: 'PRODUCT.UNKNOWN_PRODUCT', kind: 'rule-violated' });
  });

  it('answers a reservation refused by an injected fault with its own code', () => {
    expect(
      failureOf(reservation('FAILED', { failure: { reason: 'INJECTED_FAULT', productIds: [] } })),
    ).toMatchObject({ code: 'PRODUCT.INJECTED_FAULT', kind: 'conflict' });
  });

  it('has nothing to say about a reservation that did not fail', () => {
    expect(failureOf(reservation('RESERVED'))).toBeUndefined();
  });
});
