import { newReservation } from './new-reservation.js';

const ORDER = '0f8b9d52-1c1e-4a8e-9a57-3f4f3c7a0001';
const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';
const C = '00000000-0000-4000-8000-00000000000c';

describe('newReservation', () => {
  it('reserves every line when each product has enough available', () => {
    const reservation = newReservation(
      { orderId: ORDER, lines: [{ productId: A, quantity: 2 }] },
      new Map([[A, 2]]),
    );
    expect(reservation).toEqual({
      orderId: ORDER,
      status: 'RESERVED',
      lines: [{ productId: A, quantity: 2 }],
    });
  });

  it('fails as out of stock naming every short product, and reserves none of the lines', () => {
    const reservation = newReservation(
      {
        orderId: ORDER,
        lines: [
          { productId: C, quantity: 5 },
          { productId: A, quantity: 1 },
          { productId: B, quantity: 3 },
        ],
      },
      new Map([
        [A, 10],
        [B, 2],
        [C, 0],
      ]),
    );
    expect(reservation.status).toBe('FAILED');
    expect(reservation.failure).toEqual({ reason: 'OUT_OF_STOCK', productIds: [B, C] });
  });

  it('fails as unknown product before looking at stock, since no restock can fix that', () => {
    const reservation = newReservation(
      {
        orderId: ORDER,
        lines: [
          { productId: A, quantity: 99 },
          { productId: B, quantity: 1 },
        ],
      },
      new Map([[A, 1]]),
    );
    expect(reservation.failure).toEqual({ reason: 'UNKNOWN_PRODUCT', productIds: [B] });
  });

  it('keeps the requested lines in canonical form, lower-cased and sorted by product id', () => {
    const reservation = newReservation(
      {
        orderId: ORDER.toUpperCase(),
        lines: [
          { productId: B.toUpperCase(), quantity: 1 },
          { productId: A, quantity: 1 },
        ],
      },
      new Map([
        [A, 1],
        [B, 1],
      ]),
    );
    expect(reservation.orderId).toBe(ORDER);
    expect(reservation.lines.map((line) => line.productId)).toEqual([A, B]);
  });
});
