import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { IncomingMessage } from 'node:http';
import { STATUS_CODES } from 'node:http';
import { ProblemException } from '#libs/problem-details';
import type { Role } from '../accounts/role.js';
import { authenticationOf } from './authentication.js';
import { authorize } from './authorize.js';

export const ROLES_KEY = 'gateway:roles';

/** Enforces {@link RequireRole} with the {@link authorize} rule; refusals are problem documents. */
@Injectable()
export class RolesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!roles) return true;
    const request = context.switchToHttp().getRequest<IncomingMessage>();
    const decision = authorize(authenticationOf(request), roles);
    if (decision.allowed) return true;
    const { status, code, detail } = decision;
    throw new ProblemException({ status, title: STATUS_CODES[status] ?? 'Error', detail, code });
  }
}
