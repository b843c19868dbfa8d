import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { IncomingMessage } from 'node:http';
import type { AuthenticatedUser } from '../access-tokens/authenticated-user.js';
import { authenticationOf } from './authentication.js';

/**
 * The signed-in user of a route guarded by `@RequireRole` (`@CurrentUser() user`); undefined
 * elsewhere when nobody is signed in.
 */
export const CurrentUser = createParamDecorator(
  (_data: unknown, context: ExecutionContext): AuthenticatedUser | undefined => {
    const found = authenticationOf(context.switchToHttp().getRequest<IncomingMessage>());
    return found.state === 'authenticated' ? found.user : undefined;
  },
);
