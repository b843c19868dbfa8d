import { trace } from '@opentelemetry/api';
import { setTimeout as sleep } from 'node:timers/promises';
import { Pool } from 'undici';
import type { z } from 'zod';
import type { ProblemDetails } from '#libs/problem-details';
import { retryAfterMs } from './retry-after.js';
import type { RetryAfterPolicy } from './retry-after.policy.js';
import { RetryBudget } from './retry-budget.js';
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
  /**
   * Retry a call the callee refused with 429 or 503 and a `Retry-After`, after the wait it asked
   * for (plus jitter), within the call's deadline and a retry budget. Off unless given.
   */
  retryAfter?: RetryAfterPolicy;
}

export interface CallOptions {
  signal?: AbortSignal;
  headers?: Record<string, string>;
  /** `false` makes this one call fail on a 429 or 503 even on a client that retries them. */
  retryAfter?: false;
}

const RETRYABLE_STATUSES = new Set([429, 503]);

/**
 * JSON over pooled keep-alive HTTP to one other service, with a deadline on every call and the
 * response validated against its contract. Resilience policies (retries, breaker, bulkhead) wrap
 * this client; they are not inside it.
 */
export class ServiceClient {
  private readonly pool: Pool;
  private readonly retryBudget?: RetryBudget;

  constructor(private readonly options: ServiceClientOptions) {
    this.pool = new Pool(options.baseUrl, {
      connections: options.connections ?? 32,
      keepAliveTimeout: 30_000,
      pipelining: 1,
    });
    if (options.retryAfter) this.retryBudget = new RetryBudget(options.retryAfter.budgetRatio);
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

  /**
   * One call: a first attempt, and with a {@link RetryAfterPolicy} further attempts while the
   * callee asks to come back later, all within one deadline of `timeoutMs`.
   */
  private async request<Schema extends z.ZodType>(
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    path: string,
    body: unknown,
    schema: Schema,
    call: CallOptions,
  ): Promise<z.output<Schema>> {
    const deadline = AbortSignal.timeout(this.options.timeoutMs);
    const signal = call.signal ? AbortSignal.any([call.signal, deadline]) : deadline;
    const policy = call.retryAfter === false ? undefined : this.options.retryAfter;
    const endsAt = Date.now() + this.options.timeoutMs;
    this.retryBudget?.deposit();
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.attempt(method, path, body, schema, call, signal, deadline);
      } catch (error) {
        const waitMs = policy && this.waitBeforeRetry(error, attempt, policy, endsAt);
        if (waitMs === undefined) throw error;
        trace.getActiveSpan()?.addEvent('retry_after.wait', {
          'http.status_code': (error as UpstreamError).status,
          'retry.attempt': attempt + 1,
          'retry.wait_ms': waitMs,
        });
        await sleep(waitMs, undefined, { signal }).catch(() => {
          throw error; // the deadline or the caller ended the wait: the refusal stands
        });
      }
    }
  }

  /** How long to wait before the next attempt, or undefined when there must be none. */
  private waitBeforeRetry(
    error: unknown,
    attempt: number,
    policy: RetryAfterPolicy,
    endsAt: number,
  ): number | undefined {
    if (!(error instanceof UpstreamError) || !RETRYABLE_STATUSES.has(error.status)) return;
    const asked = error.retryAfterMs;
    if (asked === undefined || attempt >= (policy.maxAttempts ?? 3)) return;
    if (asked > (policy.maxWaitMs ?? 2_000)) return;
    const jitter = (policy.jitter ?? 0.5) * (policy.random ?? Math.random)();
    const waitMs = Math.ceil(asked * (1 + jitter));
    // Waiting past the deadline would only turn a clear refusal into a timeout.
    if (Date.now() + waitMs >= endsAt) return;
    if (!this.retryBudget?.tryWithdraw()) return;
    return waitMs;
  }

  private async attempt<Schema extends z.ZodType>(
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    path: string,
    body: unknown,
    schema: Schema,
    call: CallOptions,
    signal: AbortSignal,
    deadline: AbortSignal,
  ): Promise<z.output<Schema>> {
    const { service, timeoutMs, authorization } = this.options;
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
      throw new UpstreamError(
        service,
        response.statusCode,
        problem?.detail ?? `answered ${response.statusCode}`,
        problem,
        retryAfterMs(response.headers['retry-after']),
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
