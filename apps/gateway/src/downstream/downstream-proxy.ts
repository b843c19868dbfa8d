import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { Dispatcher } from 'undici';
import { ProblemException } from '#libs/problem-details';
import { SERVICE_CONFIG } from '#libs/service-defaults';
import type { GatewayConfig } from '../gateway.config.js';
import { CallDeadline } from './call-deadline.js';
import { clientResponseHeaders, DownstreamHeaders } from './downstream-headers.js';
import { downstreamTimeout, downstreamUnavailable } from './downstream-failure.js';
import { DownstreamPools } from './downstream-pools.js';
import type { DownstreamService } from './downstream-service.js';

export interface ProxyTarget {
  service: DownstreamService;
  /** The service's own path and query, e.g. `/products/42?x=1`. */
  path: string;
  /** Replaces the client's JSON body (the gateway adds what it knows, such as the customer). */
  body?: unknown;
  /** The request's budget when earlier calls already spent part of it. */
  deadline?: CallDeadline;
}

const METHODS_WITH_BODY = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Passes a public request to a service and streams its answer back unchanged: status, headers
 * (less connection-level ones) and body. Request bodies are JSON only: the shared body parser has
 * already read and size-checked them, so they are re-sent as parsed, never streamed unchecked.
 */
@Injectable()
export class DownstreamProxy {
  private readonly budgetMs: number;

  constructor(
    private readonly pools: DownstreamPools,
    private readonly headers: DownstreamHeaders,
    @Inject(SERVICE_CONFIG) config: GatewayConfig,
  ) {
    this.budgetMs = config.DOWNSTREAM_TIMEOUT_MS;
  }

  async forward(request: Request, response: Response, target: ProxyTarget): Promise<void> {
    // A deadline made here is this call's alone, released when it ends; a caller's is the caller's.
    const deadline = target.deadline ?? CallDeadline.startingNow(this.budgetMs);
    try {
      await this.stream(request, response, target, deadline);
    } finally {
      if (!target.deadline) deadline.release();
    }
  }

  private async stream(
    request: Request,
    response: Response,
    target: ProxyTarget,
    deadline: CallDeadline,
  ): Promise<void> {
    const body = jsonBodyOf(request, target);
    const headers = await this.headers.forProxiedRequest(request, target.service, deadline);
    if (body !== undefined) headers['content-type'] = 'application/json';

    try {
      await this.pools.of(target.service).stream(
        {
          method: request.method as Dispatcher.HttpMethod,
          path: target.path,
          headers,
          body,
          signal: deadline.signal,
        },
        ({ statusCode, headers: answered }) => {
          response.writeHead(statusCode, clientResponseHeaders(answered));
          return response;
        },
      );
    } catch (error) {
      // Once the status line is out, the only honest signal left is a cut connection.
      if (response.headersSent) return void response.destroy(error as Error);
      if (deadline.expired) throw downstreamTimeout(target.service, deadline.budgetMs);
      throw downstreamUnavailable(target.service);
    }
  }
}

function jsonBodyOf(request: Request, target: ProxyTarget): string | undefined {
  if (!METHODS_WITH_BODY.has(request.method)) return undefined;
  const body: unknown = target.body ?? request.body;
  if (body !== undefined) return JSON.stringify(body);
  if (hasBody(request)) {
    throw new ProblemException({
      status: HttpStatus.UNSUPPORTED_MEDIA_TYPE,
      title: 'Unsupported Media Type',
      detail: 'Request bodies must be application/json.',
      code: 'REQUEST.UNSUPPORTED_MEDIA_TYPE',
    });
  }
  return undefined;
}

function hasBody(request: Request): boolean {
  const length = request.headers['content-length'];
  return (
    request.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0')
  );
}
