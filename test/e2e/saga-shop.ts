import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { ServiceName } from '#libs/contracts';
import { pgConnectionUrl } from '../../tools/infra/postgres/pg-connection-url.js';
import { eventually } from '../support/poll.js';
import type { SystemUnderTest } from '../support/system-under-test.js';

/** What a service answered: the status and the parsed body (undefined when empty). */
export interface Answer {
  status: number;
  // Tests assert on shapes with `expect`, so bodies stay loosely typed, here only.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
}

/** Product's warehouse numbers for one product (`GET /inventory/:productId`). */
export interface StockLevels {
  onHand: number;
  reserved: number;
  available: number;
  sold: number;
  received: number;
}

/** The states in which a saga has stopped moving by itself. */
export const TERMINAL_ORDER_STATUSES = ['CONFIRMED', 'CANCELLED', 'COMPENSATION_FAILED'];

/**
 * The shop as the saga suites drive it: straight to the services, each call signed as the gateway
 * (so any customer id can place orders, and nothing but the saga's own processes is running), plus
 * read-only SQL on the services' databases for the invariants no API exposes.
 */
export class SagaShop {
  constructor(private readonly system: SystemUnderTest) {}

  /** One signed call from the gateway to `service`; a process that is down answers status 0. */
  async call(service: ServiceName, method: string, path: string, body?: unknown, headers = {}) {
    try {
      const response = await fetch(this.system.url(service, path), {
        method,
        headers: {
          ...(await this.system.signedHeaders(service)),
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...headers,
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(10_000),
      });
      const text = await response.text();
      return { status: response.status, body: text === '' ? undefined : JSON.parse(text) };
    } catch {
      return { status: 0, body: undefined } satisfies Answer as Answer;
    }
  }

  /**
   * A new product with `initialStock` units, once promotion has heard of it from product's events
   * (until then promotion cannot quote it, and an order for it would be refused before any saga).
   */
  async createProduct(initialStock: number): Promise<string> {
    const sku = `SAGA-${randomUUID().slice(0, 8).toUpperCase()}`;
    const created = await this.call('product', 'POST', '/products', {
      sku,
      name: `Saga test product ${sku}`,
      description: 'Created by a saga end-to-end test.',
      categoryId: 'books',
      price: { amount: 2_000, currency: 'EUR' },
      initialStock,
    });
    if (created.status !== 201) throw new Error(`product not created: ${created.status}`);
    const id = created.body.id as string;
    await eventually(
      `promotion knows product ${sku}`,
      async () =>
        (await this.call('promotion', 'GET', `/promotions?productId=${id}`)).status === 200,
      60_000,
    );
    return id;
  }

  async restock(productId: string, quantity: number): Promise<Answer> {
    return this.call('product', 'POST', `/products/${productId}/restock`, { quantity });
  }

  /** A 10 %-off coupon that `maxRedemptions` orders may hold at once. */
  async createCoupon(maxRedemptions: number): Promise<string> {
    const code = `SAGA${randomUUID().slice(0, 8).toUpperCase()}`;
    const created = await this.call('promotion', 'POST', '/coupons', {
      code,
      percentOff: 10,
      maxRedemptions,
    });
    if (created.status !== 201) throw new Error(`coupon not created: ${created.status}`);
    return code;
  }

  async stockLevels(productId: string): Promise<StockLevels> {
    const answer = await this.call('product', 'GET', `/inventory/${productId}`);
    if (answer.status !== 200) throw new Error(`no stock levels: ${answer.status}`);
    return answer.body as StockLevels;
  }

  /** Places an order straight at the order service, as the gateway would for `customerId`. */
  placeOrder(order: { customerId: string; items: unknown[]; couponCode?: string }, key: string) {
    return this.call('order', 'POST', '/orders', order, { 'idempotency-key': key });
  }

  /** Switches faults on in `service` (`PUT /admin/faults`), or resets them all (`null`). */
  async faults(service: 'product' | 'promotion', settings: object | null): Promise<void> {
    const answer = await (settings === null
      ? this.call(service, 'DELETE', '/admin/faults')
      : this.call(service, 'PUT', '/admin/faults', settings));
    if (answer.status !== 200) throw new Error(`faults of ${service} not set: ${answer.status}`);
  }

  /** Read-only SQL on one service's database (the tests' window on what no API shows). */
  async query<Row = Record<string, unknown>>(
    database: ServiceName,
    sql: string,
    params: unknown[] = [],
  ): Promise<Row[]> {
    const url = new URL(pgConnectionUrl(this.system.postgres.admin));
    url.pathname = `/${database}`;
    const client = new pg.Client({ connectionString: url.toString() });
    await client.connect();
    try {
      return (await client.query(sql, params)).rows as Row[];
    } finally {
      await client.end();
    }
  }
}
