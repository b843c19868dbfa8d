import { LoadtestSetupError } from './admin-api.js';
import type { ShopClient } from './shop-client.js';

/** The seeded accounts (API.md); customers take turns placing orders. */
export const DEMO_CUSTOMERS = ['alice@example.com', 'bob@example.com'] as const;
export const DEMO_ADMIN = 'admin@example.com';

/** The README's development default, used when `DEMO_PASSWORD` is not set. */
const DEFAULT_DEMO_PASSWORD = 'microshop-demo';

/**
 * Logs in once, before the load: a login costs a deliberate ~50 ms of scrypt, so logging in on
 * every checkout would measure password hashing rather than the checkout.
 */
export async function logIn(
  client: ShopClient,
  email: string,
  password = process.env.DEMO_PASSWORD || DEFAULT_DEMO_PASSWORD,
): Promise<string> {
  const response = await client.unrecorded<{ accessToken?: string }>('POST', '/api/auth/login', {
    body: { email, password },
  });
  if (response.outcome !== 200 && response.outcome !== 201) {
    throw new LoadtestSetupError(
      `logging in as ${email} failed (${response.outcome}) at ${client.baseUrl}: is the stack running, and is DEMO_PASSWORD the stack's?`,
    );
  }
  if (!response.body?.accessToken) throw new LoadtestSetupError(`no access token for ${email}`);
  return response.body.accessToken;
}
