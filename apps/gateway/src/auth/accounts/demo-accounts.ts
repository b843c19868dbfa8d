import type { Role } from './role.js';

export interface DemoAccount {
  email: string;
  /** The user's stable id; for a customer, the `customerId` the services know them by. */
  userId: string;
  role: Role;
}

/**
 * The accounts of the demo shop (../shared/API.md). They share one password, the `DEMO_PASSWORD`
 * variable. The ids are fixed so orders and recommendations survive a gateway restart.
 */
export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { email: 'alice@example.com', userId: 'a11ce000-0000-4000-8000-000000000001', role: 'customer' },
  { email: 'bob@example.com', userId: 'b0b00000-0000-4000-8000-000000000002', role: 'customer' },
  { email: 'admin@example.com', userId: 'ad000000-0000-4000-8000-000000000003', role: 'admin' },
];
