import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { SERVICE_CONFIG } from '#libs/service-defaults';
import type { GatewayConfig } from '../../gateway.config.js';
import { DEMO_ACCOUNTS, type DemoAccount } from './demo-accounts.js';
import { hashPassword, type PasswordHash, passwordMatches } from './password-hash.js';

/**
 * The users who can sign in: the demo accounts, with their password hashed at boot from
 * `DEMO_PASSWORD`. A real shop would keep users in an identity service; the gateway only needs to
 * tell who is calling.
 */
@Injectable()
export class Accounts implements OnModuleInit {
  private readonly byEmail = new Map<string, { account: DemoAccount; password: PasswordHash }>();
  /** Checked against when the email is unknown, so both failures take the same time. */
  private decoy!: PasswordHash;

  constructor(@Inject(SERVICE_CONFIG) private readonly config: GatewayConfig) {}

  async onModuleInit(): Promise<void> {
    this.decoy = await hashPassword(randomUUID());
    await Promise.all(
      DEMO_ACCOUNTS.map(async (account) => {
        const password = await hashPassword(this.config.DEMO_PASSWORD);
        this.byEmail.set(account.email, { account, password });
      }),
    );
  }

  /** The account these credentials prove, or undefined; never says which part was wrong. */
  async authenticate(email: string, password: string): Promise<DemoAccount | undefined> {
    const entry = this.byEmail.get(email.trim().toLowerCase());
    const matches = await passwordMatches(password, entry?.password ?? this.decoy);
    return matches ? entry?.account : undefined;
  }
}
