import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * The headers helmet would set that matter for a JSON API, set on every response: no sniffing, no
 * framing, no referrer, HTTPS remembered. The API serves no HTML, so its content policy forbids
 * everything; only the interactive docs may load their own scripts and styles.
 */
const ALWAYS: [string, string][] = [
  ['x-content-type-options', 'nosniff'],
  ['x-frame-options', 'DENY'],
  ['referrer-policy', 'no-referrer'],
  ['cross-origin-opener-policy', 'same-origin'],
  ['strict-transport-security', 'max-age=31536000; includeSubDomains'],
];
const API_POLICY = "default-src 'none'; frame-ancestors 'none'";
const DOCS_POLICY =
  "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'";

@Injectable()
export class SecurityHeadersMiddleware implements NestMiddleware {
  use(request: IncomingMessage, response: ServerResponse, next: () => void): void {
    for (const [name, value] of ALWAYS) response.setHeader(name, value);
    const docs = request.url === '/docs' || request.url?.startsWith('/docs/');
    response.setHeader('content-security-policy', docs ? DOCS_POLICY : API_POLICY);
    next();
  }
}
