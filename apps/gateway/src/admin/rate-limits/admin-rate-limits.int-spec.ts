import {
  type GatewayTestApp,
  mintAccessToken,
  startGateway,
} from '../../../test/gateway-test-app.js';

describe("the admin's door to promotion's quotas", () => {
  let gateway: GatewayTestApp;
  let admin: string;
  let customer: string;

  beforeAll(async () => {
    gateway = await startGateway();
    admin = await mintAccessToken('ad000000-0000-4000-8000-000000000001', 'admin');
    customer = await mintAccessToken('a11ce000-0000-4000-8000-000000000001', 'customer');
  });

  afterAll(async () => {
    await gateway.close();
  });

  beforeEach(() => gateway.resetFakes());

  const rateLimits = (token: string, init: RequestInit = {}) =>
    fetch(`${gateway.url}/api/admin/rate-limits/promotion`, {
      ...init,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    });

  it("passes an admin's change on to promotion, signed as the gateway, and relays the answer", async () => {
    const change = { callers: { product: { quote: { perSecond: 5, burst: 0 } } } };
    gateway.promotion.answer({ status: 200, body: { mode: 'enforce', quotas: change } });

    const response = await rateLimits(admin, { method: 'PUT', body: JSON.stringify(change) });

    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ mode: 'enforce' });
    expect(gateway.promotion.calls).toHaveLength(1);
    expect(gateway.promotion.calls[0]).toMatchObject({
      method: 'PUT',
      url: '/admin/rate-limits',
      body: change,
    });
    expect(gateway.promotion.calls[0]!.headers.authorization).toMatch(/^Bearer /);
  });

  it('reads the quotas in force', async () => {
    const response = await rateLimits(admin);

    expect(response.status).toBe(200);
    expect(gateway.promotion.calls[0]).toMatchObject({ method: 'GET', url: '/admin/rate-limits' });
  });

  it('refuses a customer without calling promotion', async () => {
    const response = await rateLimits(customer, { method: 'PUT', body: '{}' });

    expect(response.status).toBe(403);
    expect(gateway.promotion.calls).toHaveLength(0);
  });
});
