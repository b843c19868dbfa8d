import { randomUUID } from 'node:crypto';
import { eventually } from '../support/poll.js';
import { signIn } from '../support/sign-in.js';
import { SystemUnderTest } from '../support/system-under-test.js';

interface ProductSummary {
  id: string;
  categoryId: string;
  availableStock: number;
}

interface PageBody {
  product: { id: string };
  recommendations: { status: string; reason?: string; fallback?: string; items: unknown[] };
}

/**
 * The scenario the project exists to show: the recommendation service fails (frozen, killed, or
 * broken on purpose), and the product page and checkout stay up, with recommendations falling back
 * or disappearing; when it comes back, recommendations return without restarting anything else.
 */
describe('the shop while recommendation is down', () => {
  let system: SystemUnderTest;
  let admin: string;
  let customer: string;
  let product: ProductSummary;
  const api = (path: string) => system.url('gateway', `/api${path}`);

  async function page(id = product.id): Promise<{ status: number; body: PageBody; ms: number }> {
    const startedAt = performance.now();
    const response = await fetch(api(`/products/${id}/page`));
    const body = (await response.json()) as PageBody;
    return { status: response.status, body, ms: performance.now() - startedAt };
  }

  /** `count` pages one after another: a shopper clicking around while the outage goes on. */
  async function browse(count: number) {
    const pages = [];
    for (let i = 0; i < count; i++) pages.push(await page());
    return pages;
  }

  const asAdmin = (method: string, path: string, body?: unknown) =>
    fetch(api(path), {
      method,
      headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  async function recommendationsAreBack() {
    await eventually(
      'recommendations are served again',
      async () => (await page()).body.recommendations.status === 'ok',
      60_000,
    );
  }

  /** Pages keep coming until the gateway's circuit to recommendation reads closed again. */
  async function circuitClosed() {
    await eventually(
      'the circuit to recommendation is closed',
      async () => {
        await page();
        const metrics = await (await fetch(system.url('gateway', '/metrics'))).text();
        return /resilience_circuit_state\{[^}]*state="closed"[^}]*\} 1/.test(metrics);
      },
      60_000,
    );
  }

  beforeAll(async () => {
    system = await SystemUnderTest.start({
      name: 'recommendation-outage',
      portBase: 16500,
      postgresPort: 55473,
      kafkaPort: 20052,
    });
    await Promise.all(
      (['product', 'promotion', 'recommendation', 'order'] as const).map((app) =>
        system.startApp(app),
      ),
    );
    // A short open period keeps the test short; every other setting is the default.
    await system.startApp('gateway', { RECOMMENDATION_BREAKER_OPEN_MS: '1000' });
    [admin, customer] = await Promise.all([
      signIn(system, 'admin@example.com'),
      signIn(system, 'alice@example.com'),
    ]);
    const list = await fetch(api('/products?pageSize=50'));
    const items = ((await list.json()) as { items: ProductSummary[] }).items;
    product = items.find((p) => p.availableStock >= 5)!;
    // The read model hears of the catalog through events: wait until it can answer.
    await recommendationsAreBack();
  }, 240_000);

  afterEach(() => {
    // Whatever a test did, never leave the process frozen (stop() would wait for it forever).
    system.signal('recommendation', 'SIGCONT');
  });

  afterAll(async () => {
    await system?.stop();
  }, 60_000);

  it('serves the page with recommendations while the service is healthy', async () => {
    const { status, body } = await page();

    expect(status).toBe(200);
    expect(body.recommendations.status).toBe('ok');
  });

  it('keeps the page up, degraded and fast, while recommendation is frozen (SIGSTOP)', async () => {
    system.signal('recommendation', 'SIGSTOP');

    const pages = await browse(30);

    expect(pages.every((p) => p.status === 200)).toBe(true);
    expect(pages.every((p) => p.body.recommendations.status === 'degraded')).toBe(true);
    // The page seen before the outage keeps its last good recommendations.
    expect(pages.every((p) => p.body.recommendations.fallback === 'last-good')).toBe(true);
    // Bounded: at worst an attempt, a short backoff and a retry (250 + 25 + 250 ms)...
    expect(Math.max(...pages.map((p) => p.ms))).toBeLessThan(1_500);
    // ...and once the circuit has opened, no waiting for the frozen service at all.
    const open = pages.filter((p) => p.body.recommendations.reason === 'circuit-open');
    expect(open.length).toBeGreaterThan(10);
    const fastest = open.map((p) => p.ms).sort((a, b) => a - b);
    expect(fastest[Math.floor(fastest.length / 2)]).toBeLessThan(100);

    system.signal('recommendation', 'SIGCONT');
    await circuitClosed();
    expect((await page()).body.recommendations.status).toBe('ok');
  }, 120_000);

  it('keeps the page up while recommendation is killed, and recovers when it restarts', async () => {
    await system.kill('recommendation', 'SIGKILL');

    const pages = await browse(30);

    expect(pages.every((p) => p.status === 200)).toBe(true);
    const reasons = new Set(pages.map((p) => p.body.recommendations.reason));
    expect([...reasons].every((r) => r === 'unavailable' || r === 'circuit-open')).toBe(true);
    expect(Math.max(...pages.map((p) => p.ms))).toBeLessThan(1_500);

    await system.startApp('recommendation');
    await circuitClosed();
    expect((await page()).body.recommendations.status).toBe('ok');
  }, 120_000);

  it('takes orders while recommendation is frozen: checkout never depends on it', async () => {
    system.signal('recommendation', 'SIGSTOP');

    const placed = await fetch(api('/orders'), {
      method: 'POST',
      headers: {
        authorization: `Bearer ${customer}`,
        'content-type': 'application/json',
        'idempotency-key': randomUUID(),
      },
      body: JSON.stringify({ items: [{ productId: product.id, quantity: 1 }] }),
    });

    expect(placed.status).toBe(202);
    const { id } = (await placed.json()) as { id: string };
    await eventually('the order is confirmed', async () => {
      const order = await fetch(api(`/orders/${id}`), {
        headers: { authorization: `Bearer ${customer}` },
      });
      return ((await order.json()) as { status: string }).status === 'CONFIRMED';
    });
  }, 60_000);

  it('turns recommendations off and on at runtime with the kill switch', async () => {
    expect(
      (await asAdmin('PUT', '/admin/features/recommendations', { enabled: false })).status,
    ).toBe(200);

    const off = await page();
    await asAdmin('PUT', '/admin/features/recommendations', { enabled: true });
    const on = await page();

    expect(off.body.recommendations).toEqual({
      status: 'degraded',
      reason: 'disabled',
      fallback: 'none',
      items: [],
    });
    expect(on.body.recommendations.status).toBe('ok');
  });

  it('degrades on injected faults, and recovers when they are reset', async () => {
    const inject = (faults: unknown) => asAdmin('PUT', '/admin/faults/recommendation', faults);

    expect((await inject({ errorRate: 1 })).status).toBe(200);
    const failing = await page();
    await inject({ errorRate: null, latencyMs: 600 });
    const slow = await browse(3);
    await inject({ latencyMs: null, slowBodyMs: 600 });
    const slowBody = await page();
    await asAdmin('DELETE', '/admin/faults/recommendation');

    expect(failing.body.recommendations).toMatchObject({ status: 'degraded', reason: 'error' });
    for (const p of [...slow, slowBody]) {
      expect(p.status).toBe(200);
      expect(p.body.recommendations.status).toBe('degraded');
      expect(['timeout', 'circuit-open']).toContain(p.body.recommendations.reason);
      expect(p.ms).toBeLessThan(1_500);
    }
    await recommendationsAreBack();
  }, 60_000);
});
