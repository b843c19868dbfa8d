import { requestFingerprint } from './request-fingerprint.js';

const shoes = { productId: 'a0000000-0000-4000-8000-000000000001', quantity: 2 };
const socks = { productId: 'a0000000-0000-4000-8000-000000000002', quantity: 5 };

describe('requestFingerprint', () => {
  it('is the same for the same request', () => {
    expect(requestFingerprint({ items: [shoes, socks] })).toBe(
      requestFingerprint({ items: [{ ...shoes }, { ...socks }] }),
    );
  });

  it('ignores the order of the items', () => {
    expect(requestFingerprint({ items: [socks, shoes], couponCode: 'SAVE10' })).toBe(
      requestFingerprint({ items: [shoes, socks], couponCode: 'SAVE10' }),
    );
  });

  it('differs when a quantity differs', () => {
    expect(requestFingerprint({ items: [shoes] })).not.toBe(
      requestFingerprint({ items: [{ ...shoes, quantity: 3 }] }),
    );
  });

  it('differs when a product is added', () => {
    expect(requestFingerprint({ items: [shoes] })).not.toBe(
      requestFingerprint({ items: [shoes, socks] }),
    );
  });

  it('differs with and without a coupon', () => {
    expect(requestFingerprint({ items: [shoes] })).not.toBe(
      requestFingerprint({ items: [shoes], couponCode: 'SAVE10' }),
    );
  });
});
