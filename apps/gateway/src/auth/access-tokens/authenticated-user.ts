import type { Role } from '../accounts/role.js';

/** Who a valid access token says is calling. */
export interface AuthenticatedUser {
  userId: string;
  role: Role;
}
