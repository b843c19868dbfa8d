import { purchasesInOrder } from './purchases-in-order.js';

const A = 'aaaaaaaa-0000-4000-8000-000000000000';
const B = 'bbbbbbbb-0000-4000-8000-000000000000';
const C = 'cccccccc-0000-4000-8000-000000000000';

describe('purchasesInOrder', () => {
  it('counts the units of each product', () => {
    const { units } = purchasesInOrder([
      { productId: A, quantity: 2 },
      { productId: B, quantity: 1 },
    ]);
    expect(units).toEqual([
      { productId: A, units: 2 },
      { productId: B, units: 1 },
    ]);
  });

  it('adds up repeated lines of the same product into one entry', () => {
    const { units, pairs } = purchasesInOrder([
      { productId: A, quantity: 2 },
      { productId: B, quantity: 1 },
      { productId: A, quantity: 3 },
    ]);
    expect(units).toEqual([
      { productId: A, units: 5 },
      { productId: B, units: 1 },
    ]);
    expect(pairs).toHaveLength(2);
  });

  it('pairs every two distinct products in both directions', () => {
    const { pairs } = purchasesInOrder([
      { productId: A, quantity: 1 },
      { productId: B, quantity: 1 },
      { productId: C, quantity: 1 },
    ]);
    expect(pairs).toEqual([
      { productId: A, boughtWithId: B },
      { productId: A, boughtWithId: C },
      { productId: B, boughtWithId: A },
      { productId: B, boughtWithId: C },
      { productId: C, boughtWithId: A },
      { productId: C, boughtWithId: B },
    ]);
  });

  it('pairs nothing when the order holds a single product', () => {
    const { units, pairs } = purchasesInOrder([
      { productId: A, quantity: 1 },
      { productId: A, quantity: 1 },
    ]);
    expect(units).toEqual([{ productId: A, units: 2 }]);
    expect(pairs).toEqual([]);
  });

  it('lists products in the same order whatever the order of the lines', () => {
    const forwards = purchasesInOrder([
      { productId: A, quantity: 1 },
      { productId: C, quantity: 1 },
      { productId: B, quantity: 1 },
    ]);
    const backwards = purchasesInOrder([
      { productId: B, quantity: 1 },
      { productId: C, quantity: 1 },
      { productId: A, quantity: 1 },
    ]);
    expect(backwards).toEqual(forwards);
    expect(forwards.units.map((entry) => entry.productId)).toEqual([A, B, C]);
  });
});
