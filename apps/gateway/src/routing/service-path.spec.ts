import { servicePathOf } from './service-path.js';

describe('servicePathOf', () => {
  it('strips the public prefix and keeps the rest byte for byte', () => {
    expect(servicePathOf('/api/products/42?q=t%C3%A9&page=2', '/api')).toBe(
      '/products/42?q=t%C3%A9&page=2',
    );
    expect(servicePathOf('/api/admin/coupons/SPRING', '/api/admin')).toBe('/coupons/SPRING');
  });

  it('refuses dot segments, also when encoded', () => {
    for (const url of [
      '/api/products/../orders',
      '/api/products/%2E%2E/orders',
      '/api/products/.',
    ]) {
      expect(() => servicePathOf(url, '/api')).toThrow(
        expect.objectContaining({ problem: expect.objectContaining({ status: 400 }) }),
      );
    }
  });

  it('lets dots inside a segment through', () => {
    expect(servicePathOf('/api/products?q=v1.2..3', '/api')).toBe('/products?q=v1.2..3');
    expect(servicePathOf('/api/products/a..b', '/api')).toBe('/products/a..b');
  });
});
