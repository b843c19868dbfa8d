import { randomUUID } from 'node:crypto';
import { type OrderTestApp, startOrderApp } from '../../test/order-test-app.js';

/** `GET /orders/:id` and `GET /orders` through the real app on real PostgreSQL. */
describe('reading orders', () => {
  let app: OrderTestApp;

  beforeAll(async () => {
    app = await startOrderApp();
  }, 60_000);

  afterAll(async () => {
    await app?.close();
  }, 30_000);

  /** Places `count` orders for the customer, one after the other; returns their ids, oldest first. */
  async function placeOrders(customerId: string, count: number): Promise<string[]> {
    const ids: string[] = [];
    for (let i = 0; i < count; i++) {
      const response = await app.placeOrder({
        customerId,
        items: [{ productId: randomUUID(), quantity: i + 1 }],
      });
      expect(response.status).toBe(202);
      ids.push(response.body.id);
    }
    return ids;
  }

  it('answers 404 ORDER.NOT_FOUND for an order that does not exist', async () => {
    const response = await app.get(`/orders/${randomUUID()}`);

    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(response.body).toMatchObject({ status: 404, code: 'ORDER.NOT_FOUND' });
  });

  it('refuses an order id that is no uuid with a 400 naming param.id', async () => {
    const response = await app.get('/orders/42');

    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([{ field: 'param.id', message: expect.any(String) }]);
  });

  it("lists a customer's orders newest first, a page at a time", async () => {
    const customerId = `customer-${randomUUID()}`;
    const [oldest, middle, newest] = await placeOrders(customerId, 3);

    const first = await app.get(`/orders?customerId=${customerId}&page=1&pageSize=2`);
    const second = await app.get(`/orders?customerId=${customerId}&page=2&pageSize=2`);
    const beyond = await app.get(`/orders?customerId=${customerId}&page=3&pageSize=2`);

    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ total: 3, page: 1, pageSize: 2 });
    expect(first.body.items.map((order: { id: string }) => order.id)).toEqual([newest, middle]);
    expect(second.body).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(second.body.items.map((order: { id: string }) => order.id)).toEqual([oldest]);
    expect(beyond.body).toEqual({ items: [], total: 3, page: 3, pageSize: 2 });
  });

  it('shows each listed order whole, as GET /orders/:id does', async () => {
    const customerId = `customer-${randomUUID()}`;
    const [id] = await placeOrders(customerId, 1);

    const list = await app.get(`/orders?customerId=${customerId}`);
    const one = await app.get(`/orders/${id}`);

    expect(list.body.items).toEqual([one.body]);
  });

  it("lists only the customer's own orders, 20 a page by default", async () => {
    const [alice, bob] = [`alice-${randomUUID()}`, `bob-${randomUUID()}`];
    const [alicesOrder] = await placeOrders(alice, 1);
    await placeOrders(bob, 1);

    const response = await app.get(`/orders?customerId=${alice}`);

    expect(response.body).toMatchObject({ total: 1, page: 1, pageSize: 20 });
    expect(response.body.items.map((order: { id: string }) => order.id)).toEqual([alicesOrder]);
  });

  it.each([
    ['a pageSize above 100', 'query.pageSize', 'customerId=alice&pageSize=101'],
    ['a page below 1', 'query.page', 'customerId=alice&page=0'],
    ['no customer', 'query.customerId', 'page=1'],
  ])('refuses %s with a 400 naming %s', async (_case, field, query) => {
    const response = await app.get(`/orders?${query}`);

    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([{ field, message: expect.any(String) }]);
  });
});
