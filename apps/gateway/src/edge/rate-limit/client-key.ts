import type { IncomingMessage } from 'node:http';
import { authenticationOf } from '../../auth/authentication/authentication.js';

/**
 * Whom a request is counted against: the signed-in user, wherever they connect from, else the
 * address the connection comes from. A token that proves nothing counts as no token.
 */
export function clientKeyOf(request: IncomingMessage): string {
  const found = authenticationOf(request);
  if (found.state === 'authenticated') return `user:${found.user.userId}`;
  return `address:${request.socket.remoteAddress ?? 'unknown'}`;
}
