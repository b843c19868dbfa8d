import { classifyPromotionRoute } from './promotion-route-classes.js';

describe('classifyPromotionRoute', () => {
  it.each([
    ['POST', '/quotes', 'quote', false],
    ['GET', '/promotions', 'quote', false],
    ['POST', '/coupons/:code/redemptions', 'coupon', false],
    ['POST', '/coupons/:code/redemptions/:orderId/release', 'compensation', true],
    ['POST', '/coupons', 'admin', false],
    ['PUT', '/admin/rate-limits', 'admin', true],
  ])('puts %s %s in the %s class (exempt: %s)', (method, route, routeClass, exempt) => {
    expect(classifyPromotionRoute(method, route)).toEqual({ routeClass, exempt });
  });
});
