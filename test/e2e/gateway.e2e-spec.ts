import { randomUUID } from 'node:crypto';
import { eventually } from '../support/poll.js';
import { signIn } from '../support/sign-in.js';
import { SystemUnderTest } from '../support/system-under-test.js';

interface ProductSummary {
  id: string;
  availableStock: number;
}

/**
 * The gateway in front of the real services: public reads, the composed page, signing in, a
 * customer's orders (idempotent, private), and admin commands, all through `/api`.
 */
describe('the gateway in front of the real services', () => {
  let system: SystemUnderTest;
  const api = (path: string) => system.url('gateway', `/api${path}`);

  beforeAll(async () => {
    system = await SystemUnderTest.start({
      name: 'gateway',
      portBase: 14700,
      postgresPort: 55441,
      kafkaPort: 19622,
    });
    await Promise.all(
      (['product', 'promotion', 'recommendation', 'order'] as const).map((app) =>
        system.startApp(app),
      ),
    );
    await system.startApp('gateway');
  }, 240_000);

  afterAll(async () => {
    await system?.stop();
  }, 60_000);

  async function json(response: Response) {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    return { status: response.status, body: (await response.json()) as any };
  }

  async function aProductInStock(): Promise<ProductSummary> {
    const { body } = await json(await fetch(api('/products?pageSize=50')));
    const product = (body.items as ProductSummary[]).find((p) => p.availableStock >= 5);
    if (!product) throw new Error('the demo catalog has no product in stock');
    return product;
  }

  it('serves the catalog as the product service does, under /api', async () => {
    const list = await json(await fetch(api('/products?pageSize=5')));
    expect(list.status).toBe(200);
    expect(list.body).toMatchObject({ page: 1, pageSize: 5 });
    expect(list.body.items).toHaveLength(5);

    const id = list.body.items[0].id as string;
    const viaGateway = await json(await fetch(api(`/products/${id}`)));
    const direct = await json(
      await fetch(system.url('product', `/products/${id}`), {
        headers: await system.signedHeaders('product'),
      }),
    );
    expect(viaGateway).toEqual(direct);
  });

  it('composes a product page once promotion and recommendation know the product', async () => {
    const { id } = await aProductInStock();
    await eventually(
      'the product page is complete',
      async () => {
        const { status, body } = await json(await fetch(api(`/products/${id}/page`)));
        return (
          status === 200 && body.pricing.status === 'ok' && body.recommendations.status === 'ok'
        );
      },
      60_000,
    );
  });

  it("places a customer's order once per Idempotency-Key and shows it to that customer only", async () => {
    const [alice, bob] = await Promise.all([
      signIn(system, 'alice@example.com'),
      signIn(system, 'bob@example.com'),
    ]);
    const { id: productId } = await aProductInStock();
    await eventually(
      'promotion can price the product',
      async () => {
        const { body } = await json(await fetch(api(`/products/${productId}/page`)));
        return body.pricing?.status === 'ok';
      },
      60_000,
    );
    const key = randomUUID();
    const place = () =>
      fetch(api('/orders'), {
        method: 'POST',
        headers: {
          authorization: `Bearer ${alice}`,
          'content-type': 'application/json',
          'idempotency-key': key,
        },
        body: JSON.stringify({ items: [{ productId, quantity: 1 }] }),
      }).then(json);

    // Two racing requests with one key, then a late retry: one order.
    const [first, second] = await Promise.all([place(), place()]);
    const retry = await place();
    expect([first.status, second.status]).toContain(202);
    expect(retry.status).toBe(200);
    expect(new Set([first.body.id, second.body.id, retry.body.id]).size).toBe(1);
    const orderId = first.body.id as string;

    const own = await json(
      await fetch(api(`/orders/${orderId}`), { headers: { authorization: `Bearer ${alice}` } }),
    );
    expect(own).toMatchObject({ status: 200, body: { id: orderId } });
    const mine = await json(
      await fetch(api('/orders'), { headers: { authorization: `Bearer ${alice}` } }),
    );
    expect(mine.body.items.map((order: { id: string }) => order.id)).toContain(orderId);

    const others = await fetch(api(`/orders/${orderId}`), {
      headers: { authorization: `Bearer ${bob}` },
    });
    expect(others.status).toBe(404);
    const bobs = await json(
      await fetch(api('/orders'), { headers: { authorization: `Bearer ${bob}` } }),
    );
    expect(bobs.body.items.map((order: { id: string }) => order.id)).not.toContain(orderId);
  });

  it('refuses orders without a token, and admin commands from a customer', async () => {
    const noToken = await fetch(api('/orders'));
    expect(noToken.status).toBe(401);

    const alice = await signIn(system, 'alice@example.com');
    const asCustomer = await fetch(api('/admin/coupons/ANY'), {
      headers: { authorization: `Bearer ${alice}` },
    });
    expect(asCustomer.status).toBe(403);
  });

  it('lets an admin create a coupon and read its redemptions', async () => {
    const admin = await signIn(system, 'admin@example.com');
    const code = `E2E${randomUUID().slice(0, 6).toUpperCase()}`;
    const headers = { authorization: `Bearer ${admin}`, 'content-type': 'application/json' };

    const created = await fetch(api('/admin/coupons'), {
      method: 'POST',
      headers,
      body: JSON.stringify({ code, percentOff: 10, maxRedemptions: 5 }),
    });
    expect(created.status).toBe(201);

    const read = await json(await fetch(api(`/admin/coupons/${code}`), { headers }));
    expect(read).toMatchObject({ status: 200, body: { code, redemptions: 0 } });
  });
});
