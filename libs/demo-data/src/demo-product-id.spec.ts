import { z } from 'zod';
import { demoProductId } from './demo-product-id.js';

describe('demoProductId', () => {
  it('derives the same id from the same SKU every time', () => {
    expect(demoProductId('ELEC-0001')).toBe(demoProductId('ELEC-0001'));
  });

  it('derives different ids from different SKUs', () => {
    expect(demoProductId('ELEC-0001')).not.toBe(demoProductId('ELEC-0002'));
  });

  it('is a valid version 5 UUID', () => {
    const id = demoProductId('BOOK-0007');
    expect(z.uuid().safeParse(id).success).toBe(true);
    expect(id[14]).toBe('5');
  });
});
