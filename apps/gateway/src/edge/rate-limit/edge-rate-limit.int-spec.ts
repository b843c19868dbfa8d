import {
  type GatewayTestApp,
  mintAccessToken,
  startGateway,
} from '../../../test/gateway-test-app.js';

describe('edge rate limiting', () => {
  let gateway: GatewayTestApp;
  let alice: string;

  beforeAll(async () => {
    // Two requests a second, and two more from the burst reserve.
    gateway = await startGateway({ RATE_LIMIT_PER_SECOND: '2', RATE_LIMIT_BURST: '2' });
    // Minted here: signing in through the gateway would spend one of the few requests allowed.
    alice = await mintAccessToken('a11ce000-0000-4000-8000-000000000001', 'customer');
  });

  afterAll(async () => {
    await gateway.close();
  });

  const products = (headers: Record<string, string> = {}) =>
    fetch(`${gateway.url}/api/products`, { headers });

  it('refuses a client over its limit and burst with a 429 problem saying when to retry', async () => {
    // Concurrent, so that all of them land within the same one-second window.
    const responses = await Promise.all([1, 2, 3, 4, 5, 6].map(() => products()));
    const statuses = responses.map((response) => response.status).sort();

    expect(statuses).toEqual([200, 200, 200, 200, 429, 429]);
    expect(gateway.product.calls).toHaveLength(4);
    const refused = responses.find((response) => response.status === 429)!;
    expect(refused.headers.get('content-type')).toBe('application/problem+json');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(refused.headers.get('ratelimit-limit')).toBe('2');
    expect(refused.headers.get('ratelimit-remaining')).toBe('0');
    expect(Number(refused.headers.get('ratelimit-reset'))).toBeGreaterThanOrEqual(1);
    expect(await refused.json()).toMatchObject({ status: 429, code: 'GATEWAY.RATE_LIMITED' });
  });

  it('counts a signed-in user on their own, not against the address they share', async () => {
    const response = await products({ authorization: `Bearer ${alice}` });

    expect(response.status).toBe(200);
    expect(response.headers.get('ratelimit-remaining')).toBe('1');
  });

  it('never limits health probes', async () => {
    expect((await fetch(`${gateway.url}/health/live`)).status).toBe(200);
  });
});
