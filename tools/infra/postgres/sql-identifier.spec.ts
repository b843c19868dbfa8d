import { quoteSqlIdentifier } from './sql-identifier.js';

describe('quoteSqlIdentifier', () => {
  it('double-quotes lowercase names made of letters, digits and underscores', () => {
    expect(quoteSqlIdentifier('order_2')).toBe('"order_2"');
  });

  it.each(['Orders', 'order-events', '2orders', '', 'a"b', 'x'.repeat(64)])(
    'refuses %p',
    (name) => {
      expect(() => quoteSqlIdentifier(name)).toThrow(/not a valid name/);
    },
  );
});
