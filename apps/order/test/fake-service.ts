import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the fake received. */
export interface ReceivedCall {
  /** Counts calls across every fake, so tests can tell which service was called first. */
  seq: number;
  method: string;
  path: string;
  /** The `:name` segments of the route that matched. */
  params: Record<string, string>;
  headers: IncomingHttpHeaders;
  // Tests assert on shapes with `expect`, so the body stays loosely typed here, in one place.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
}

export interface Reply {
  status: number;
  body?: unknown;
}

export type Responder = (call: ReceivedCall) => Reply | Promise<Reply>;

let callsReceived = 0;

interface Route {
  method: string;
  pattern: RegExp;
  names: string[];
  respond: Responder;
}

/** A problem+json refusal, as the real services send one. */
export function problem(status: number, code: string, detail = `refused: ${code}`): Reply {
  return { status, body: { type: 'about:blank', title: 'Refused', status, detail, code } };
}

/**
 * Another service as far as the order service can tell: a real HTTP server on a random port that
 * answers what the test tells it to and records every call. The far side of the network is the one
 * thing these tests fake.
 */
export class FakeService {
  readonly calls: ReceivedCall[] = [];
  private routes: Route[] = [];
  private readonly server: Server;
  private port = 0;

  private constructor(private readonly name: string) {
    this.server = createServer((request, response) => void this.handle(request, response));
    this.server.keepAliveTimeout = 60_000;
  }

  static async start(name: string): Promise<FakeService> {
    const fake = new FakeService(name);
    await fake.listen();
    return fake;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Answers `method path` (`:name` matches one segment), replacing any earlier answer for it. */
  on(method: string, path: string, respond: Responder | Reply): this {
    const names = [...path.matchAll(/:(\w+)/g)].map(([, name]) => name!);
    const pattern = new RegExp(`^${path.replace(/:\w+/g, '([^/]+)')}$`);
    this.routes = this.routes.filter((route) => route.pattern.source !== pattern.source);
    this.routes.push({
      method,
      pattern,
      names,
      respond: typeof respond === 'function' ? respond : () => respond,
    });
    return this;
  }

  /** `METHOD /path` of every call so far, in order. */
  callLines(): string[] {
    return this.calls.map((call) => `${call.method} ${call.path}`);
  }

  /** Forgets the calls so far (answers stay). */
  clearCalls(): void {
    this.calls.length = 0;
  }

  /** Stops listening and drops every connection: the service is down. */
  async stop(): Promise<void> {
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.server.closeAllConnections();
    await closed;
  }

  /** Listens again on the same port: the service is back. */
  async restart(): Promise<void> {
    await this.listen(this.port);
  }

  private listen(port = 0): Promise<void> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, '127.0.0.1', () => {
        this.server.off('error', reject);
        this.port = (this.server.address() as AddressInfo).port;
        resolve();
      });
    });
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    let text = '';
    for await (const chunk of request) text += chunk;
    const method = request.method ?? 'GET';
    const path = request.url ?? '/';
    const route = this.routes.find((r) => r.method === method && r.pattern.test(path));
    const values = route?.pattern.exec(path)?.slice(1) ?? [];
    const call: ReceivedCall = {
      seq: ++callsReceived,
      method,
      path,
      params: Object.fromEntries(route?.names.map((name, i) => [name, values[i]!]) ?? []),
      headers: request.headers,
      body: text === '' ? undefined : JSON.parse(text),
    };
    this.calls.push(call);
    const reply = route
      ? await route.respond(call)
      : problem(501, 'FAKE.NO_ANSWER', `${this.name} fake: no answer for ${method} ${path}`);
    if (response.destroyed) return;
    response.statusCode = reply.status;
    response.setHeader(
      'content-type',
      reply.status >= 400 ? 'application/problem+json' : 'application/json',
    );
    response.end(reply.body === undefined ? '' : JSON.stringify(reply.body));
  }
}
