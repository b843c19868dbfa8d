import { Module } from '@nestjs/common';
import { AccessTokens } from './access-tokens/access-tokens.js';
import { Accounts } from './accounts/accounts.js';
import { IdentifyCallerMiddleware } from './authentication/identify-caller.middleware.js';
import { RolesGuard } from './authentication/roles.guard.js';
import { LoginController } from './login/login.controller.js';
import { LoginHandler } from './login/login.handler.js';

/** Who is calling: accounts, sign-in, access tokens, and the guard of protected routes. */
@Module({
  controllers: [LoginController],
  providers: [Accounts, AccessTokens, LoginHandler, IdentifyCallerMiddleware, RolesGuard],
  exports: [AccessTokens, IdentifyCallerMiddleware, RolesGuard],
})
export class AuthModule {}
