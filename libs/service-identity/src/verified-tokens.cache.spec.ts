import type { VerifiedCaller } from './verified-caller.js';
import { VerifiedTokensCache } from './verified-tokens.cache.js';

const caller = (validUntil: number): VerifiedCaller => ({
  service: 'gateway',
  keyId: 'gateway-1',
  validUntil,
});

describe('VerifiedTokensCache', () => {
  it('serves a remembered token until it expires, and not from then on', () => {
    const cache = new VerifiedTokensCache();
    cache.remember('token-a', caller(1_000));

    expect(cache.get('token-a', 999)).toEqual(caller(1_000));
    expect(cache.get('token-a', 1_000)).toBeUndefined();
    // Once expired it is gone for good, even for a clock that goes back.
    expect(cache.get('token-a', 0)).toBeUndefined();
  });

  it('knows only the exact text it was given', () => {
    const cache = new VerifiedTokensCache();
    cache.remember('header.payload.signature', caller(1_000));

    expect(cache.get('header.payload.signaturf', 0)).toBeUndefined();
    expect(cache.get('header.payload', 0)).toBeUndefined();
  });

  it('never holds more than its bound, however many tokens it is given', () => {
    const cache = new VerifiedTokensCache(3);
    for (const token of ['t1', 't2', 't3', 't4']) cache.remember(token, caller(1_000));

    const held = ['t1', 't2', 't3', 't4'].filter((token) => cache.get(token, 0) !== undefined);
    expect(held.length).toBeLessThanOrEqual(3);
    // The newest is always kept: it is the one about to be used again.
    expect(held).toContain('t4');
  });
});
