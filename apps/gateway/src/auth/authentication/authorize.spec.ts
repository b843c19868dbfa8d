import type { Authentication } from './authentication.js';
import { authorize } from './authorize.js';

const alice: Authentication = {
  state: 'authenticated',
  user: { userId: 'alice-id', role: 'customer' },
};
const admin: Authentication = {
  state: 'authenticated',
  user: { userId: 'admin-id', role: 'admin' },
};

describe('authorize', () => {
  it('admits a user whose role the route admits', () => {
    expect(authorize(alice, ['customer'])).toEqual({
      allowed: true,
      user: { userId: 'alice-id', role: 'customer' },
    });
  });

  it('forbids a signed-in user whose role the route does not admit', () => {
    expect(authorize(alice, ['admin'])).toMatchObject({
      allowed: false,
      status: 403,
      code: 'AUTH.FORBIDDEN',
    });
    expect(authorize(admin, ['customer'])).toMatchObject({ allowed: false, status: 403 });
  });

  it('asks an anonymous caller to sign in', () => {
    expect(authorize({ state: 'anonymous' }, ['customer'])).toMatchObject({
      allowed: false,
      status: 401,
      code: 'AUTH.TOKEN_MISSING',
    });
  });

  it('tells an expired token from an invalid one', () => {
    expect(authorize({ state: 'rejected', reason: 'expired' }, ['admin'])).toMatchObject({
      status: 401,
      code: 'AUTH.TOKEN_EXPIRED',
    });
    expect(authorize({ state: 'rejected', reason: 'invalid' }, ['admin'])).toMatchObject({
      status: 401,
      code: 'AUTH.TOKEN_INVALID',
    });
  });
});
