import type { SystemUnderTest } from './system-under-test.js';

/** The password of every demo account (the gateway's `DEMO_PASSWORD` default). */
const DEMO_PASSWORD = 'microshop-demo';

/**
 * Signs a demo account (`alice@example.com`, `admin@example.com`, ...) in through the gateway and
 * returns its access token, failing with the status when the gateway refuses.
 */
export async function signIn(system: SystemUnderTest, email: string): Promise<string> {
  const response = await fetch(system.url('gateway', '/api/auth/login'), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  if (response.status !== 200) throw new Error(`signing ${email} in: ${response.status}`);
  return ((await response.json()) as { accessToken: string }).accessToken;
}
