import type { IncomingMessage } from 'node:http';
import type { AuthenticatedUser } from '../access-tokens/authenticated-user.js';

/**
 * What the gateway learnt about the caller from its `Authorization` header: nothing, a user, or a
 * token that proves nothing (and why). Public routes serve all three alike; protected ones refuse
 * the first and the last with 401.
 */
export type Authentication =
  | { state: 'anonymous' }
  | { state: 'authenticated'; user: AuthenticatedUser }
  | { state: 'rejected'; reason: 'expired' | 'invalid' };

const AUTHENTICATION = Symbol('authentication');
const ANONYMOUS: Authentication = { state: 'anonymous' };

type RequestWithAuthentication = IncomingMessage & { [AUTHENTICATION]?: Authentication };

export function rememberAuthentication(request: IncomingMessage, found: Authentication): void {
  (request as RequestWithAuthentication)[AUTHENTICATION] = found;
}

export function authenticationOf(request: IncomingMessage): Authentication {
  return (request as RequestWithAuthentication)[AUTHENTICATION] ?? ANONYMOUS;
}
