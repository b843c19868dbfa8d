import { Pool } from 'undici';
import type { z } from 'zod';
import type { ProblemDetails } from '#libs/problem-details';
import { UpstreamError } from './upstream.error.js';

export interface ServiceClientOptions {
  /** The callee's name, for errors, logs and metrics. */
  service: string;
  baseUrl: string;
  /** Deadline per call unless the caller passes a tighter signal. */
  timeoutMs: number;
  /** Keep-alive connections held open to the callee. */
  connections?: number;
  /**
   * The `Authorization` header value of each call, asked for on every call so that a short-lived
   * token is renewed in time: typically `() => signer.authorizationFor('product')` with the
   * app's `ServiceTokenSigner`. Without it, calls carry only what `CallOptions.headers` gives.
   */
  authorization?: () => Promise<string>;
}

export interface CallOptions {
  signal?: AbortSignal;
  headers?: Record<string, string>;
}

/**
 * JSON over pooled keep-alive HTTP to one other service, with a deadline on every call and the
 * response validated against its contract. Resilience policies (retries, breaker, bulkhead) wrap
 * this client; they are not inside it.
 */
export class ServiceClient {
  private readonly pool: Pool;

  constructor(private readonly options: ServiceClientOptions) {
    this.pool = new Pool(options.baseUrl, {
      connections: options.connections ?? 32,
      keepAliveTimeout: 30_000,
      pipelining: 1,
    });
  }

  get<Schema extends z.ZodType>(
    path: string,
    schema: Schema,
    call: CallOptions = {},
  ): Promise<z.output<Schema>> {
    return this.request('GET', path, undefined, schema, call);
  }

  post<Schema extends z.ZodType>(
    path: string,
    body: unknown,
    schema: Schema,
    call: CallOptions = {},
  ): Promise<z.output<Schema>> {
    return this.request('POST', path, body, schema, call);
  }

  async close(): Promise<void> {
    await this.pool.close();
  }

  private async request<Schema extends z.ZodType>(
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    path: string,
    body: unknown,
    schema: Schema,
    call: CallOptions,
  ): Promise<z.output<Schema>> {
    const { service, timeoutMs, authorization } = this.options;
    const deadline = AbortSignal.timeout(timeoutMs);
    const signal = call.signal ? AbortSignal.any([call.signal, deadline]) : deadline;
    // Outside the try: a token that cannot be minted is our failure, not the callee's.
    const identity = authorization ? { authorization: await authorization() } : {};
    let response;
    try {
      response = await this.pool.request({
        method,
        path,
        signal,
        headers: {
          accept: 'application/json',
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...identity,
          ...call.headers,
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (error) {
      const reason = deadline.aborted
        ? `timed out after ${timeoutMs} ms`
        : (error as Error).message;
      throw new UpstreamError(service, 0, reason);
    }

    const text = await response.body.text();
    if (response.statusCode >= 400) {
      const problem = parseProblem(text);
      const retryAfter = Number(response.headers['retry-after']);
      throw new UpstreamError(
        service,
        response.statusCode,
        problem?.detail ?? `answered ${response.statusCode}`,
        problem,
        Number.isFinite(retryAfter) ? retryAfter : undefined,
      );
    }
    const parsed = schema.safeParse(text === '' ? undefined : JSON.parse(text));
    if (!parsed.success) {
      throw new UpstreamError(
        service,
        response.statusCode,
        `broke its contract: ${parsed.error.message}`,
      );
    }
    return parsed.data;
  }
}

function parseProblem(text: string): ProblemDetails | undefined {
  try {
    const body = JSON.parse(text) as Partial<ProblemDetails>;
    return typeof body.status === 'number' ? (body as ProblemDetails) : undefined;
  } catch {
    return undefined;
  }
}
