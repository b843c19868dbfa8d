import { Injectable } from '@nestjs/common';
import type { Request } from 'express';
import type { IncomingHttpHeaders } from 'node:http';
import { REQUEST_ID_HEADER } from '#libs/observability';
import type { CallDeadline } from './call-deadline.js';
import type { DownstreamService } from './downstream-service.js';
import { OutgoingIdentity } from './outgoing-identity.js';

/** The header carrying the milliseconds left of the caller's budget. */
export const DEADLINE_HEADER = 'x-request-deadline-ms';

/**
 * Client headers that cross into the system. An allowlist, not a denylist: identity headers
 * (`authorization`, `cookie`, `x-caller-service`, anything a client invents) stay outside, so
 * nothing a client sends can pass for an internal identity.
 */
const FORWARDED_CLIENT_HEADERS = [
  'accept',
  'accept-encoding',
  'accept-language',
  'content-type',
  'if-match',
  'if-none-match',
  'idempotency-key',
  'user-agent',
  // Not traceparent/tracestate: the client's trace context continues through the gateway's own
  // spans, and the HTTP client instrumentation sends the gateway's context downstream. Copying the
  // client's header too would send it twice, which W3C says to treat as invalid.
] as const;

/** Connection-level headers (RFC 9110 §7.6.1) and our own request id, never copied from a response. */
const UNFORWARDED_RESPONSE_HEADERS = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  REQUEST_ID_HEADER,
]);

/** Builds the headers of calls to the services. */
@Injectable()
export class DownstreamHeaders {
  constructor(private readonly identity: OutgoingIdentity) {}

  /**
   * What every internal call carries: the gateway's service token, the request id and the time
   * left. Used alone for calls the gateway makes itself (composition, ownership checks).
   */
  async forCall(
    request: Request,
    service: DownstreamService,
    deadline: CallDeadline,
  ): Promise<Record<string, string>> {
    const headers: Record<string, string> = {
      [REQUEST_ID_HEADER]: String(request.id),
      [DEADLINE_HEADER]: String(deadline.remainingMs()),
    };
    const authorization = await this.identity.authorizationFor(service);
    if (authorization) headers.authorization = authorization;
    return headers;
  }

  /** {@link forCall} plus the allowed client headers, for requests passed through. */
  async forProxiedRequest(
    request: Request,
    service: DownstreamService,
    deadline: CallDeadline,
  ): Promise<Record<string, string>> {
    const headers = await this.forCall(request, service, deadline);
    for (const name of FORWARDED_CLIENT_HEADERS) {
      const value = request.headers[name];
      if (typeof value === 'string') headers[name] = value;
    }
    // The gateway is the edge: the address it sees is the client, whatever the client claims.
    if (request.socket.remoteAddress) headers['x-forwarded-for'] = request.socket.remoteAddress;
    return headers;
  }
}

/** A service's response headers as the client should see them. */
export function clientResponseHeaders(
  headers: IncomingHttpHeaders | Record<string, string | string[] | undefined>,
): Record<string, string | string[]> {
  const copied: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined && !UNFORWARDED_RESPONSE_HEADERS.has(name)) copied[name] = value;
  }
  return copied;
}
