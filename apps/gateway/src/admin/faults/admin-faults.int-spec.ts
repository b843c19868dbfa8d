import { ServiceTokenVerifier } from '#libs/service-identity';
import { problem } from '../../../test/fake-downstream.js';
import {
  CALLEES_TRUST,
  type GatewayTestApp,
  mintAccessToken,
  startGateway,
} from '../../../test/gateway-test-app.js';

describe('the admin fault switches at the gateway', () => {
  let gateway: GatewayTestApp;
  let adminToken: string;
  let customerToken: string;

  beforeAll(async () => {
    gateway = await startGateway();
    adminToken = await mintAccessToken('ad000000-0000-4000-8000-000000000003', 'admin');
    customerToken = await mintAccessToken('c0000000-0000-4000-8000-000000000001', 'customer');
  });

  afterAll(async () => {
    await gateway.close();
  });

  beforeEach(() => gateway.resetFakes());

  const faults = (method: string, service: string, token = adminToken, body?: unknown) =>
    fetch(`${gateway.url}/api/admin/faults/${service}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  it.each(['product', 'promotion', 'recommendation'] as const)(
    'passes GET, PUT and DELETE to /admin/faults of %s, body and answer unchanged',
    async (service) => {
      const fake = gateway[service];
      fake.answer({ status: 200, body: { hang: true } });

      const put = await faults('PUT', service, adminToken, { hang: true });
      expect(put.status).toBe(200);
      expect(await put.json()).toEqual({ hang: true });
      expect(fake.lastCall).toMatchObject({
        method: 'PUT',
        url: '/admin/faults',
        body: { hang: true },
      });

      await faults('GET', service);
      expect(fake.lastCall).toMatchObject({ method: 'GET', url: '/admin/faults' });

      fake.answer({ status: 200, body: {} });
      expect((await faults('DELETE', service)).status).toBe(200);
      expect(fake.lastCall).toMatchObject({ method: 'DELETE', url: '/admin/faults' });
    },
  );

  it('calls the service as the gateway, with a token the service can verify', async () => {
    await faults('GET', 'product');

    const authorization = String(gateway.product.lastCall.headers.authorization);
    const callee = new ServiceTokenVerifier({ service: 'product', trustedKeys: CALLEES_TRUST });
    await expect(callee.verify(authorization.replace(/^Bearer /, ''))).resolves.toMatchObject({
      service: 'gateway',
    });
  });

  it("passes the service's refusal through, such as 404 when its fault injection is off", async () => {
    gateway.recommendation.answer(problem(404, 'FAULT_INJECTION.DISABLED'));

    const response = await faults('GET', 'recommendation');

    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ code: 'FAULT_INJECTION.DISABLED' });
  });

  it('answers 404 for a service that takes no faults, calling nobody', async () => {
    for (const service of ['order', 'gateway', 'billing']) {
      const response = await faults('GET', service);
      expect(response.status).toBe(404);
      expect(await response.json()).toMatchObject({ code: 'FAULTS.UNKNOWN_SERVICE' });
    }
    expect(gateway.order.calls).toEqual([]);
  });

  it('refuses customers (403) and anonymous callers (401) before calling the service', async () => {
    expect((await faults('PUT', 'product', customerToken, { reserveStock: null })).status).toBe(
      403,
    );
    const anonymous = await fetch(`${gateway.url}/api/admin/faults/product`);
    expect(anonymous.status).toBe(401);
    expect(gateway.product.calls).toEqual([]);
  });
});
