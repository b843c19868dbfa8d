import { sameLines } from './reservation-lines.js';

const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';

describe('sameLines', () => {
  it('treats the same units in another order as the same request', () => {
    expect(
      sameLines(
        [
          { productId: A, quantity: 1 },
          { productId: B, quantity: 2 },
        ],
        [
          { productId: B.toUpperCase(), quantity: 2 },
          { productId: A, quantity: 1 },
        ],
      ),
    ).toBe(true);
  });

  it('tells apart a different quantity or a missing line', () => {
    const lines = [
      { productId: A, quantity: 1 },
      { productId: B, quantity: 2 },
    ];
    expect(sameLines(lines, [lines[0]!, { productId: B, quantity: 3 }])).toBe(false);
    expect(sameLines(lines, [lines[0]!])).toBe(false);
  });
});
