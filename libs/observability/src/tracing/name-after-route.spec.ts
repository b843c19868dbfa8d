import type { Span } from '@opentelemetry/api';
import { ClientRequest, IncomingMessage } from 'node:http';
import { Socket } from 'node:net';
import { nameAfterRoute } from './name-after-route.js';

function recordingSpan() {
  const seen: { name?: string; attributes: Record<string, unknown> } = { attributes: {} };
  const span = {
    setAttribute: (key: string, value: unknown) => ((seen.attributes[key] = value), span),
    updateName: (name: string) => ((seen.name = name), span),
  };
  return { span: span as unknown as Span, seen };
}

function incoming(method: string, routePath?: string): IncomingMessage {
  const request = new IncomingMessage(new Socket());
  request.method = method;
  if (routePath !== undefined) Object.assign(request, { route: { path: routePath } });
  return request;
}

describe('nameAfterRoute', () => {
  it('names a server span after the route template its request matched', () => {
    const { span, seen } = recordingSpan();
    nameAfterRoute(span, incoming('GET', '/products/:id'));
    expect(seen).toEqual({
      name: 'GET /products/:id',
      attributes: { 'http.route': '/products/:id' },
    });
  });

  it('leaves the span of a request that matched no route as it is', () => {
    const { span, seen } = recordingSpan();
    nameAfterRoute(span, incoming('GET'));
    nameAfterRoute(span, incoming('GET', '{/*splat}'));
    expect(seen).toEqual({ attributes: {} });
  });

  it('leaves outgoing calls alone', () => {
    const { span, seen } = recordingSpan();
    const call = new ClientRequest('http://127.0.0.1:9/products');
    call.on('error', () => undefined).destroy();
    nameAfterRoute(span, call);
    expect(seen).toEqual({ attributes: {} });
  });
});
