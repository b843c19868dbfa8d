import { UpstreamError } from '#libs/http-client';
import { placementFailureOf } from './placement-failure-of.js';

/** An error answer with a problem document, as ServiceClient raises it. */
function answered(service: string, status: number, code?: string): UpstreamError {
  const problem = code
    ? { type: 'x', title: 'x', status, detail: `refused by ${service}`, code }
    : undefined;
  return new UpstreamError(service, status, problem?.detail ?? `answered ${status}`, problem);
}

describe('placementFailureOf', () => {
  it.each([
    ['product', 409, 'PRODUCT.OUT_OF_STOCK', 'ORDER.OUT_OF_STOCK', 'conflict'],
    ['product', 422, 'PRODUCT.UNKNOWN_PRODUCT', 'ORDER.UNKNOWN_PRODUCT', 'rule-violated'],
    ['promotion', 422, 'PROMOTION.UNKNOWN_PRODUCT', 'ORDER.UNKNOWN_PRODUCT', 'rule-violated'],
    ['promotion', 422, 'PROMOTION.MIXED_CURRENCIES', 'ORDER.MIXED_CURRENCIES', 'rule-violated'],
    ['promotion', 422, 'PROMOTION.COUPON_EXPIRED', 'ORDER.COUPON_REJECTED', 'rule-violated'],
    ['promotion', 422, 'PROMOTION.COUPON_UNKNOWN', 'ORDER.COUPON_REJECTED', 'rule-violated'],
    ['promotion', 409, 'PROMOTION.COUPON_EXHAUSTED', 'ORDER.COUPON_REJECTED', 'conflict'],
    ['promotion', 409, 'PROMOTION.COUPON_CUSTOMER_LIMIT', 'ORDER.COUPON_REJECTED', 'conflict'],
    ['promotion', 409, 'PROMOTION.REDEMPTION_RELEASED', 'ORDER.COUPON_REJECTED', 'conflict'],
  ])('maps %s %i %s to %s (%s)', (service, status, upstreamCode, code, kind) => {
    expect(placementFailureOf(answered(service, status, upstreamCode))).toEqual({
      code,
      kind,
      detail: `${service}: refused by ${service} (${upstreamCode})`,
    });
  });

  it('refuses generically when a dependency says no in words the order service does not know', () => {
    expect(placementFailureOf(answered('product', 409, 'PRODUCT.SOMETHING_NEW'))).toMatchObject({
      code: 'ORDER.REFUSED_BY_DEPENDENCY',
      kind: 'conflict',
    });
    expect(placementFailureOf(answered('promotion', 400))).toMatchObject({
      code: 'ORDER.REFUSED_BY_DEPENDENCY',
      kind: 'rule-violated',
    });
  });

  it.each([
    ['no answer', new UpstreamError('product', 0, 'connect ECONNREFUSED 127.0.0.1:3001')],
    ['a timeout', new UpstreamError('product', 0, 'timed out after 2000 ms')],
    ['a server error', answered('product', 500)],
    ['an overloaded dependency', answered('promotion', 429)],
    ['a refused service identity', answered('promotion', 401)],
    ['an answer that breaks its contract', new UpstreamError('product', 201, 'broke its contract')],
  ])('makes the dependency unavailable after %s', (_case, error) => {
    expect(placementFailureOf(error)).toEqual({
      code: 'ORDER.DEPENDENCY_UNAVAILABLE',
      kind: 'unavailable',
      detail: error.message,
    });
  });

  it('leaves errors that are no dependency answer alone', () => {
    expect(placementFailureOf(new TypeError('a bug'))).toBeUndefined();
  });
});
