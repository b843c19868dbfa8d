import { createServer } from 'node:http';
import { Pool } from 'undici';

/**
 * The floor the gateway is measured against: a bare Node HTTP server passing every request to one
 * upstream through a keep-alive undici pool, streaming the answer back. Nothing else: no routing,
 * no identity, no logs, no traces, no limits. Run as its own process:
 * `node dist/bench/support/bare-proxy.js <port> <upstream origin>`.
 */
const [port, upstream] = process.argv.slice(2);
const pool = new Pool(upstream!, { connections: 64, pipelining: 1 });

createServer((request, response) => {
  pool
    .stream(
      { method: 'GET', path: request.url!, headers: { accept: 'application/json' } },
      ({ statusCode, headers }) => {
        response.writeHead(statusCode, headers as Record<string, string>);
        return response;
      },
    )
    .catch(() => {
      if (!response.headersSent) response.writeHead(502);
      response.end();
    });
}).listen(Number(port), '127.0.0.1', () => console.log('ready'));
