import { HttpStatus, Injectable } from '@nestjs/common';
import type { LoginRequest, LoginResponse } from '#libs/contracts';
import { ProblemException } from '#libs/problem-details';
import { Accounts } from '../accounts/accounts.js';
import { AccessTokens } from '../access-tokens/access-tokens.js';

/** Signing in: credentials in, a short-lived access token out. */
@Injectable()
export class LoginHandler {
  constructor(
    private readonly accounts: Accounts,
    private readonly tokens: AccessTokens,
  ) {}

  async execute({ email, password }: LoginRequest): Promise<LoginResponse> {
    const account = await this.accounts.authenticate(email, password);
    if (!account) {
      // One answer for an unknown email and a wrong password: no way to probe for accounts.
      throw new ProblemException({
        status: HttpStatus.UNAUTHORIZED,
        title: 'Unauthorized',
        detail: 'The email or password is not right.',
        code: 'AUTH.INVALID_CREDENTIALS',
      });
    }
    const accessToken = await this.tokens.issue({ userId: account.userId, role: account.role });
    return { accessToken, tokenType: 'Bearer', expiresIn: this.tokens.expiresInSeconds };
  }
}
