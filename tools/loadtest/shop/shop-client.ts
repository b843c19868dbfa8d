import { Pool } from 'undici';
import { PhaseRecorder } from '../traffic/phase-recorder.js';
import { isSuccess, type RequestOutcome } from '../traffic/request-outcome.js';

export interface ShopResponse<Body = unknown> {
  outcome: RequestOutcome;
  /** The parsed JSON body, when there was one. */
  body?: Body;
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface CallOptions {
  token?: string;
  body?: unknown;
  headers?: Record<string, string>;
}

/** A request that did not succeed; the operation it belongs to fails with it. */
export class RequestFailed extends Error {
  constructor(
    readonly kind: string,
    readonly outcome: RequestOutcome,
  ) {
    super(`${kind}: ${outcome}`);
  }
}

/**
 * The load test's HTTP client for the gateway: a keep-alive pool without pipelining (as real
 * clients), a time limit on every call so a hung system cannot keep the run alive, and a record of
 * each call in the current phase's {@link PhaseRecorder}.
 */
export class ShopClient {
  private readonly pool: Pool;
  private recorder = new PhaseRecorder();

  constructor(
    readonly baseUrl: string,
    private readonly options: { connections: number; timeoutMs: number },
  ) {
    this.pool = new Pool(baseUrl, { connections: options.connections, pipelining: 1 });
  }

  /** Where the calls from now on are recorded (one recorder per phase). */
  recordInto(recorder: PhaseRecorder): void {
    this.recorder = recorder;
  }

  /** Counts something a response said (`recommendations degraded`) in the current phase. */
  count(name: string): void {
    this.recorder.count(name);
  }

  /** Calls the gateway and records the outcome under `kind`; never throws for a bad status. */
  async call<Body = unknown>(
    kind: string,
    method: HttpMethod,
    path: string,
    options: CallOptions = {},
  ): Promise<ShopResponse<Body>> {
    const started = performance.now();
    const response = await this.send<Body>(method, path, options);
    this.recorder.request(kind, response.outcome, performance.now() - started);
    return response;
  }

  /** Like {@link call}, but a failed request throws {@link RequestFailed}. */
  async expect<Body = unknown>(
    kind: string,
    method: HttpMethod,
    path: string,
    options: CallOptions = {},
  ): Promise<Body> {
    const response = await this.call<Body>(kind, method, path, options);
    if (!isSuccess(response.outcome)) throw new RequestFailed(kind, response.outcome);
    return response.body as Body;
  }

  /** A call made outside the measured load (setup, admin): not recorded. */
  unrecorded<Body = unknown>(
    method: HttpMethod,
    path: string,
    options: CallOptions = {},
  ): Promise<ShopResponse<Body>> {
    return this.send<Body>(method, path, options);
  }

  close(): Promise<void> {
    return this.pool.close();
  }

  private async send<Body>(
    method: HttpMethod,
    path: string,
    { token, body, headers = {} }: CallOptions,
  ): Promise<ShopResponse<Body>> {
    const requestHeaders: Record<string, string> = { ...headers };
    if (token) requestHeaders.authorization = `Bearer ${token}`;
    if (body !== undefined) requestHeaders['content-type'] = 'application/json';
    try {
      const response = await this.pool.request({
        method,
        path,
        headers: requestHeaders,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
      const type = String(response.headers['content-type'] ?? '');
      if (!/json/.test(type)) {
        await response.body.dump();
        return { outcome: response.statusCode };
      }
      try {
        return { outcome: response.statusCode, body: (await response.body.json()) as Body };
      } catch (error) {
        // A body too slow is a timeout; a malformed one still came with its status.
        return { outcome: isTimeout(error) ? 'timeout' : response.statusCode };
      }
    } catch (error) {
      return { outcome: isTimeout(error) ? 'timeout' : 'network-error' };
    }
  }
}

function isTimeout(error: unknown): boolean {
  const { name, code } = error as { name?: string; code?: string };
  return name === 'TimeoutError' || name === 'AbortError' || /TIMEOUT/.test(code ?? '');
}
