import type { Role } from '../accounts/role.js';
import type { AuthenticatedUser } from '../access-tokens/authenticated-user.js';
import type { Authentication } from './authentication.js';

export type AuthorizationDecision =
  | { allowed: true; user: AuthenticatedUser }
  | { allowed: false; status: 401 | 403; code: string; detail: string };

/**
 * The gateway's one authorization rule: a protected route needs a valid token (else 401) whose
 * role is among those the route admits (else 403).
 */
export function authorize(found: Authentication, roles: readonly Role[]): AuthorizationDecision {
  switch (found.state) {
    case 'anonymous':
      return refuse(401, 'AUTH.TOKEN_MISSING', 'This route needs an access token: sign in first.');
    case 'rejected':
      return found.reason === 'expired'
        ? refuse(401, 'AUTH.TOKEN_EXPIRED', 'The access token has expired: sign in again.')
        : refuse(401, 'AUTH.TOKEN_INVALID', 'The access token is not valid.');
    case 'authenticated':
      return roles.includes(found.user.role)
        ? { allowed: true, user: found.user }
        : refuse(403, 'AUTH.FORBIDDEN', `This route is for ${roles.join(' or ')} accounts only.`);
  }
}

function refuse(status: 401 | 403, code: string, detail: string): AuthorizationDecision {
  return { allowed: false, status, code, detail };
}
