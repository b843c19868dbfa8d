import type { Span } from '@opentelemetry/api';
import { type ClientRequest, IncomingMessage } from 'node:http';
import { routeTemplate, UNMATCHED_ROUTE } from '../route-template.js';

/**
 * Names a server span after the route template its request matched (`GET /products/:id`) and
 * records the template as `http.route`. Called by the HTTP instrumentation when the response is
 * finished, by which time express has matched the route: this reads the match once per request,
 * where the express instrumentation would wrap every layer of every request to learn it.
 */
export function nameAfterRoute(span: Span, request: ClientRequest | IncomingMessage): void {
  if (!(request instanceof IncomingMessage)) return; // an outgoing call: named by the client
  const route = routeTemplate(request);
  if (route === UNMATCHED_ROUTE) return;
  span.setAttribute('http.route', route);
  span.updateName(`${request.method ?? 'GET'} ${route}`);
}
