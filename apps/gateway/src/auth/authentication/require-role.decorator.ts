import { applyDecorators, SetMetadata, UseGuards } from '@nestjs/common';
import type { Role } from '../accounts/role.js';
import { ROLES_KEY, RolesGuard } from './roles.guard.js';

/** Only callers signed in with one of `roles` reach the route (or every route of the class). */
export const RequireRole = (...roles: Role[]) =>
  applyDecorators(SetMetadata(ROLES_KEY, roles), UseGuards(RolesGuard));
