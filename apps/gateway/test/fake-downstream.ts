import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request a fake service received, as it arrived. */
export interface ReceivedCall {
  method: string;
  /** Path and query, exactly as sent. */
  url: string;
  headers: IncomingHttpHeaders;
  // Tests assert on shapes with `expect`, so the body stays loosely typed here, in one place.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
}

export interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** Answers a call; a promise that never settles is a service that hangs. */
export type Responder = (call: ReceivedCall) => Reply | Promise<Reply>;

/** A problem+json refusal, as the real services send one. */
export function problem(status: number, code: string, detail = `refused: ${code}`): Reply {
  return { status, body: { type: 'about:blank', title: 'Refused', status, detail, code } };
}

/** A reply that never comes (until the fake stops). */
export const hang: Responder = () => new Promise<Reply>(() => undefined);

/**
 * A service as far as the gateway can tell: a real HTTP server on a random port that answers what
 * the test tells it to and records every call. The far side of the network is the one thing these
 * tests fake.
 */
export class FakeDownstream {
  readonly calls: ReceivedCall[] = [];
  private respond: Responder = () => ({ status: 200, body: { ok: true } });
  private readonly server: Server;

  private constructor() {
    this.server = createServer((request, response) => void this.handle(request, response));
  }

  static async start(): Promise<FakeDownstream> {
    const fake = new FakeDownstream();
    await new Promise<void>((resolve) => fake.server.listen(0, '127.0.0.1', resolve));
    return fake;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** Answers every call with `reply` from now on. */
  answer(reply: Responder | Reply): this {
    this.respond = typeof reply === 'function' ? reply : () => reply;
    return this;
  }

  get lastCall(): ReceivedCall {
    const call = this.calls.at(-1);
    if (!call) throw new Error('the fake service received no call');
    return call;
  }

  reset(): void {
    this.calls.length = 0;
    this.respond = () => ({ status: 200, body: { ok: true } });
  }

  async stop(): Promise<void> {
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.server.closeAllConnections();
    await closed;
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    let text = '';
    for await (const chunk of request) text += chunk;
    const call: ReceivedCall = {
      method: request.method ?? 'GET',
      url: request.url ?? '/',
      headers: request.headers,
      body: text === '' ? undefined : JSON.parse(text),
    };
    this.calls.push(call);
    const reply = await this.respond(call);
    const type = reply.status >= 400 ? 'application/problem+json' : 'application/json';
    response.writeHead(reply.status, { 'content-type': type, ...reply.headers });
    response.end(reply.body === undefined ? '' : JSON.stringify(reply.body));
  }
}
