import { SignJWT } from 'jose';
import { problem } from '../../test/fake-downstream.js';
import {
  type GatewayTestApp,
  startGateway,
  TEST_JWT_SECRET,
  TEST_PASSWORD,
} from '../../test/gateway-test-app.js';

const ALICE_ID = 'a11ce000-0000-4000-8000-000000000001';
const BOB_ID = 'b0b00000-0000-4000-8000-000000000002';
const ORDER_ID = '0d0e0f00-0000-4000-8000-000000000042';
const PRODUCT_ID = '5f1c3f0e-0000-4000-8000-000000000001';

/** A token with our claims, signed with `secret` and expiring at `exp` (seconds). */
function handMadeToken(secret: string, exp: number) {
  return new SignJWT({ role: 'admin' })
    .setProtectedHeader({ alg: 'HS256', typ: 'at+jwt' })
    .setIssuer('microshop-gateway')
    .setAudience('microshop-api')
    .setSubject('ad000000-0000-4000-8000-000000000003')
    .setIssuedAt(exp - 900)
    .setExpirationTime(exp)
    .sign(new TextEncoder().encode(secret));
}

describe('who is calling', () => {
  let gateway: GatewayTestApp;
  let alice: string;
  let admin: string;

  beforeAll(async () => {
    gateway = await startGateway();
    [alice, admin] = await Promise.all([
      gateway.tokenFor('alice@example.com'),
      gateway.tokenFor('admin@example.com'),
    ]);
  });

  afterAll(async () => {
    await gateway.close();
  });

  beforeEach(() => gateway.resetFakes());

  const call = (method: string, path: string, token?: string, body?: unknown, headers = {}) =>
    fetch(`${gateway.url}${path}`, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  describe('signing in', () => {
    it('gives a demo account a short-lived bearer token', async () => {
      const response = await call('POST', '/api/auth/login', undefined, {
        email: 'Bob@Example.com',
        password: TEST_PASSWORD,
      });

      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({
        accessToken: expect.stringMatching(/^[\w-]+\.[\w-]+\.[\w-]+$/),
        tokenType: 'Bearer',
        expiresIn: 900,
      });
    });

    it('answers a wrong password and an unknown email alike, with 401', async () => {
      for (const email of ['alice@example.com', 'nobody@example.com']) {
        const response = await call('POST', '/api/auth/login', undefined, {
          email,
          password: 'wrong-password',
        });
        expect(response.status).toBe(401);
        expect(await response.json()).toMatchObject({ code: 'AUTH.INVALID_CREDENTIALS' });
      }
    });

    it('names the malformed field of a login request', async () => {
      const response = await call('POST', '/api/auth/login', undefined, { email: 'not-an-email' });

      expect(response.status).toBe(400);
      const body = (await response.json()) as { errors: { field: string }[] };
      expect(body.errors.map((e) => e.field).sort()).toEqual(['body.email', 'body.password']);
    });
  });

  describe('admin routes', () => {
    const coupon = { code: 'SPRING', percentOff: 10, maxRedemptions: 100 };

    it('pass an admin request to the service without the /api/admin prefix', async () => {
      gateway.promotion.answer({ status: 201, body: { code: 'SPRING', redemptions: 0 } });

      const response = await call('POST', '/api/admin/coupons', admin, coupon);

      expect(response.status).toBe(201);
      expect(gateway.promotion.lastCall).toMatchObject({
        method: 'POST',
        url: '/coupons',
        body: coupon,
      });
      await call('GET', '/api/admin/coupons/SPRING', admin);
      expect(gateway.promotion.lastCall.url).toBe('/coupons/SPRING');
      await call('PUT', `/api/admin/products/${PRODUCT_ID}/price`, admin, {
        price: { amount: 1, currency: 'EUR' },
      });
      expect(gateway.product.lastCall).toMatchObject({
        method: 'PUT',
        url: `/products/${PRODUCT_ID}/price`,
      });
    });

    it('refuse a request without a token with 401', async () => {
      const response = await call('POST', '/api/admin/coupons', undefined, coupon);

      expect(response.status).toBe(401);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
      expect(await response.json()).toMatchObject({ code: 'AUTH.TOKEN_MISSING' });
      expect(gateway.promotion.calls).toHaveLength(0);
    });

    it('refuse a token signed with another secret with 401', async () => {
      const forged = await handMadeToken(
        'another-secret-another-secret-0123456789',
        Date.now() / 1000 + 600,
      );

      const response = await call('POST', '/api/admin/coupons', forged, coupon);

      expect(response.status).toBe(401);
      expect(await response.json()).toMatchObject({ code: 'AUTH.TOKEN_INVALID' });
    });

    it('refuse an expired token with 401', async () => {
      const expired = await handMadeToken(TEST_JWT_SECRET, Math.floor(Date.now() / 1000) - 60);

      const response = await call('POST', '/api/admin/coupons', expired, coupon);

      expect(response.status).toBe(401);
      expect(await response.json()).toMatchObject({ code: 'AUTH.TOKEN_EXPIRED' });
    });

    it("refuse a customer's token with 403", async () => {
      const response = await call('POST', '/api/admin/products', alice, { sku: 'X-1' });

      expect(response.status).toBe(403);
      expect(await response.json()).toMatchObject({ code: 'AUTH.FORBIDDEN' });
      expect(gateway.product.calls).toHaveLength(0);
    });
  });

  describe("a customer's orders", () => {
    const items = [{ productId: PRODUCT_ID, quantity: 2 }];

    it('are placed for the customer in the token, whatever customerId the body claims', async () => {
      gateway.order.answer({ status: 202, body: { id: ORDER_ID, status: 'PENDING' } });

      const response = await call(
        'POST',
        '/api/orders',
        alice,
        { items, customerId: BOB_ID },
        {
          'idempotency-key': 'attempt-1',
        },
      );

      expect(response.status).toBe(202);
      expect(await response.json()).toEqual({ id: ORDER_ID, status: 'PENDING' });
      expect(gateway.order.lastCall).toMatchObject({
        method: 'POST',
        url: '/orders',
        body: { items, customerId: ALICE_ID },
      });
      expect(gateway.order.lastCall.headers['idempotency-key']).toBe('attempt-1');
    });

    it('need an Idempotency-Key, named in the 400 problem when missing', async () => {
      const response = await call('POST', '/api/orders', alice, { items });

      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({
        errors: [{ field: 'header.idempotency-key', message: expect.stringContaining('required') }],
      });
      expect(gateway.order.calls).toHaveLength(0);
    });

    it('are placed by customers only', async () => {
      const response = await call(
        'POST',
        '/api/orders',
        admin,
        { items },
        { 'idempotency-key': 'k' },
      );

      expect(response.status).toBe(403);
    });

    it("are listed for the signed-in customer only, even when another's id is asked for", async () => {
      gateway.order.answer({ status: 200, body: { items: [], total: 0, page: 1, pageSize: 20 } });

      const response = await call('GET', `/api/orders?page=2&customerId=${BOB_ID}`, alice);

      expect(response.status).toBe(200);
      expect(gateway.order.lastCall.url).toBe(`/orders?page=2&customerId=${ALICE_ID}`);
    });

    it("show the customer's own order", async () => {
      const order = { id: ORDER_ID, status: 'CONFIRMED', customerId: ALICE_ID, lines: [] };
      gateway.order.answer({ status: 200, body: order });

      const response = await call('GET', `/api/orders/${ORDER_ID}`, alice);

      expect(response.status).toBe(200);
      expect(await response.json()).toEqual(order);
      expect(gateway.order.lastCall.url).toBe(`/orders/${ORDER_ID}`);
    });

    it("answer another customer's order exactly like a missing one: 404", async () => {
      gateway.order.answer({
        status: 200,
        body: { id: ORDER_ID, status: 'CONFIRMED', customerId: BOB_ID },
      });

      const response = await call('GET', `/api/orders/${ORDER_ID}`, alice);

      expect(response.status).toBe(404);
      expect(await response.json()).toMatchObject({ code: 'ORDER.NOT_FOUND' });
    });

    it('pass a missing order through as 404', async () => {
      gateway.order.answer(problem(404, 'ORDER.NOT_FOUND'));

      const response = await call('GET', `/api/orders/${ORDER_ID}`, alice);

      expect(response.status).toBe(404);
      expect(await response.json()).toMatchObject({ code: 'ORDER.NOT_FOUND' });
    });

    it("show what lies below an order (its saga) only to the order's customer", async () => {
      gateway.order.answer((received) =>
        received.url.endsWith('/saga')
          ? { status: 200, body: { steps: [] } }
          : { status: 200, body: { id: ORDER_ID, customerId: ALICE_ID } },
      );

      const own = await call('GET', `/api/orders/${ORDER_ID}/saga`, alice);
      expect(own.status).toBe(200);
      expect(await own.json()).toEqual({ steps: [] });
      expect(gateway.order.lastCall.url).toBe(`/orders/${ORDER_ID}/saga`);

      const bob = await gateway.tokenFor('bob@example.com');
      expect((await call('GET', `/api/orders/${ORDER_ID}/saga`, bob)).status).toBe(404);
    });

    it('name a malformed order id in a 400', async () => {
      const response = await call('GET', '/api/orders/42', alice);

      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ errors: [{ field: 'param.id' }] });
    });
  });
});
