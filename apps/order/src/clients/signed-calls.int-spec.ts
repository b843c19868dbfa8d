import { randomUUID } from 'node:crypto';
import type { ServiceName } from '#libs/contracts';
import { ServiceTokenVerifier } from '#libs/service-identity';
import type { ReceivedCall } from '../../test/fake-service.js';
import { type OrderTestApp, startOrderApp } from '../../test/order-test-app.js';

/**
 * Promotion refuses unsigned calls, so every call the order service makes to it (the quote)
 * carries a service token: signed with the order service's key, minted for promotion only.
 */
describe("the order service's calls to promotion", () => {
  let app: OrderTestApp;

  beforeAll(async () => {
    app = await startOrderApp();
  }, 60_000);

  afterAll(async () => {
    await app?.close();
  }, 30_000);

  /** What the callee does with the call's token: who is calling, or why it refuses. */
  function callerAsSeenBy(callee: ServiceName, call: ReceivedCall): Promise<string> {
    const verifier = new ServiceTokenVerifier({
      service: callee,
      trustedKeys: { order: [app.publicKey] },
    });
    const token = String(call.headers.authorization).replace(/^Bearer /, '');
    return verifier.verify(token).then(
      (caller) => caller.service,
      (error: { reason: string }) => error.reason,
    );
  }

  it('carry a token from the order service minted for promotion, and for no other', async () => {
    const placed = await app.placeOrder({
      customerId: `customer-${randomUUID()}`,
      items: [{ productId: randomUUID(), quantity: 1 }],
      couponCode: 'WELCOME10',
    });
    expect(placed.status).toBe(202);

    const promotionCalls = app.promotion.calls.filter((call) => call.method === 'POST');
    expect(promotionCalls.length).toBeGreaterThan(0);
    for (const call of promotionCalls) {
      expect(await callerAsSeenBy('promotion', call)).toBe('order');
      expect(await callerAsSeenBy('product', call)).toBe('wrong-audience');
    }
  });
});
