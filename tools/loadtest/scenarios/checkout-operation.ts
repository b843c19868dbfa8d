import { randomUUID } from 'node:crypto';
import { demoCatalog } from '#libs/demo-data';
import { awaitTerminalOrder, isTerminal } from '../shop/await-terminal-order.js';
import { DEMO_CUSTOMERS, logIn } from '../shop/demo-accounts.js';
import { RequestFailed, type ShopClient } from '../shop/shop-client.js';
import { isSuccess } from '../traffic/request-outcome.js';
import type { Operation } from './scenario.js';

/** Products with at least this much starting stock, so a run does not just sell out the shop. */
const MIN_STARTING_STOCK = 50;
const POLL_INTERVAL_MS = 100;
/** A saga that has not ended by then is reported as `order STILL_PENDING`. */
const POLL_TIMEOUT_MS = 30_000;

export interface CheckoutMix {
  /** The share of orders (0..1) that carry a coupon, so that the coupon step runs. */
  couponShare: number;
  couponCode: string;
}

interface PlacedOrder {
  id?: string;
  status?: string;
}

/**
 * One checkout per arrival: quote (the product page's pricing), place an order with a fresh
 * Idempotency-Key, then follow it to a terminal state. Today's order service may answer
 * synchronously with a final status; the saga answers 202 PENDING; both are handled. The
 * operation's latency is the whole checkout, from arrival to terminal state; `order <status>`
 * counts the outcome mix.
 */
export async function checkoutOperation(
  client: ShopClient,
  random: () => number,
  mix: CheckoutMix,
): Promise<Operation> {
  const tokens = await Promise.all(DEMO_CUSTOMERS.map((email) => logIn(client, email)));
  const products = demoCatalog().filter((product) => product.stock >= MIN_STARTING_STOCK);
  let turn = 0;

  const place = async (customer: number, body: unknown) => {
    const options = { body, headers: { 'idempotency-key': randomUUID() } };
    let response = await client.call<PlacedOrder>('place order', 'POST', '/api/orders', {
      ...options,
      token: tokens[customer],
    });
    if (response.outcome === 401) {
      // Access tokens live 15 minutes; a long run outlives them.
      tokens[customer] = await logIn(client, DEMO_CUSTOMERS[customer]!);
      response = await client.call<PlacedOrder>('place order', 'POST', '/api/orders', {
        ...options,
        token: tokens[customer],
      });
    }
    return response;
  };

  return async () => {
    const customer = turn++ % tokens.length;
    const product = products[Math.floor(random() * products.length)]!;
    await client.expect('quote', 'GET', `/api/products/${product.id}/page`);

    const couponCode = random() < mix.couponShare ? mix.couponCode : undefined;
    const placed = await place(customer, {
      items: [{ productId: product.id, quantity: 1 }],
      ...(couponCode ? { couponCode } : {}),
    });
    if (!isSuccess(placed.outcome) || !placed.body?.id) {
      client.count(`order refused (${placed.outcome})`);
      throw new RequestFailed('place order', placed.outcome);
    }
    const orderId = placed.body.id;
    const end = isTerminal(placed.body.status)
      ? placed.body.status
      : await awaitTerminalOrder(
          async () =>
            (
              await client.expect<PlacedOrder>('order status', 'GET', `/api/orders/${orderId}`, {
                token: tokens[customer],
              })
            )?.status,
          { intervalMs: POLL_INTERVAL_MS, timeoutMs: POLL_TIMEOUT_MS },
        );
    client.count(`order ${end}`);
    if (end === 'STILL_PENDING') throw new Error(`order ${orderId} still pending`);
  };
}
