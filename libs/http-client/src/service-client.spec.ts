import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import { ServiceClient, type ServiceClientOptions } from './service-client.js';
import { UpstreamError } from './upstream.error.js';

/**
 * A callee on the loopback interface that refuses the first `refusals` calls with `status` and
 * `Retry-After: retryAfter`, then answers `{ ok: true }`.
 */
function callee(refusals: number, retryAfter: string | undefined, status = 429) {
  let calls = 0;
  const server = createServer((_request, response) => {
    calls++;
    if (calls <= refusals) {
      if (retryAfter !== undefined) response.setHeader('retry-after', retryAfter);
      response.writeHead(status, { 'content-type': 'application/problem+json' });
      response.end(JSON.stringify({ status, title: 'Too Many Requests', detail: 'slow down' }));
      return;
    }
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ ok: true }));
  });
  return {
    calls: () => calls,
    start: () =>
      new Promise<Server>((resolve) => server.listen(0, '127.0.0.1', () => resolve(server))),
    url: () => `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const ok = z.object({ ok: z.literal(true) });

async function withCallee(
  refusals: number,
  retryAfter: string | undefined,
  options: Partial<ServiceClientOptions>,
  act: (client: ServiceClient) => Promise<unknown>,
  status = 429,
) {
  const server = callee(refusals, retryAfter, status);
  await server.start();
  const client = new ServiceClient({
    service: 'promotion',
    baseUrl: server.url(),
    timeoutMs: 1_000,
    ...options,
  });
  try {
    const outcome: { value?: unknown; error?: unknown } = await act(client).then(
      (value) => ({ value }),
      (error: unknown) => ({ error }),
    );
    return { ...outcome, calls: server.calls() };
  } finally {
    await client.close();
    await server.stop();
  }
}

// Retry-After: 0 keeps these tests free of waiting; the arithmetic of longer waits is in the
// policy checks below them.
const polite = { retryAfter: { maxAttempts: 3, random: () => 0 } };

describe('ServiceClient and Retry-After', () => {
  it('retries a 429 after the wait the callee asked for, and succeeds', async () => {
    const result = await withCallee(2, '0', polite, (client) => client.get('/x', ok));

    expect(result).toMatchObject({ value: { ok: true }, calls: 3 });
  });

  it('treats a 503 with Retry-After the same way', async () => {
    const result = await withCallee(1, '0', polite, (client) => client.get('/x', ok), 503);

    expect(result).toMatchObject({ value: { ok: true }, calls: 2 });
  });

  it('gives up after its attempts, with the callee refusal as the error', async () => {
    const result = await withCallee(5, '0', polite, (client) => client.get('/x', ok));

    expect(result.calls).toBe(3);
    expect(result.error).toBeInstanceOf(UpstreamError);
    expect(result.error).toMatchObject({ status: 429, retryAfterMs: 0 });
  });

  it('does not retry when the callee says nothing about when', async () => {
    const result = await withCallee(1, undefined, polite, (client) => client.get('/x', ok));

    expect(result.calls).toBe(1);
  });

  it('does not wait beyond the call deadline: it fails at once instead', async () => {
    const started = Date.now();
    const result = await withCallee(1, '5', { ...polite, timeoutMs: 1_000 }, (client) =>
      client.get('/x', ok),
    );

    expect(result.calls).toBe(1);
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('never retries on a client that did not opt in', async () => {
    const result = await withCallee(1, '0', {}, (client) => client.get('/x', ok));

    expect(result.calls).toBe(1);
  });

  it('lets one call opt out on a client that retries', async () => {
    const result = await withCallee(1, '0', polite, (client) =>
      client.get('/x', ok, { retryAfter: false }),
    );

    expect(result.calls).toBe(1);
  });

  it('stops retrying once its retry budget is spent, so refusals are not multiplied', async () => {
    const result = await withCallee(
      100,
      '0',
      { retryAfter: { maxAttempts: 10, budgetRatio: 0.1, random: () => 0 } },
      async (client) => {
        for (let call = 0; call < 10; call++) await client.get('/x', ok).catch(() => undefined);
      },
    );

    // Ten calls: a reserve of 5 tokens plus 10 × 0.1, so at most 6 retries instead of 90.
    expect(result.calls).toBeLessThanOrEqual(16);
  });
});
