import type { Response } from 'express';

/**
 * Makes the answer about to be sent on `response` leave in two parts `delayMs` apart: status,
 * headers and the first half of the body at once, the rest later. A caller that times out on the
 * first byte sees nothing wrong; only one that bounds the whole exchange is protected.
 */
export function sendBodySlowly(response: Response, delayMs: number): void {
  const end = response.end.bind(response) as (chunk?: unknown) => Response;
  response.end = ((chunk?: unknown) => {
    if (typeof chunk !== 'string' && !Buffer.isBuffer(chunk)) return end(chunk);
    const body = Buffer.from(chunk);
    const half = Math.floor(body.length / 2);
    response.write(body.subarray(0, half));
    setTimeout(() => end(body.subarray(half)), delayMs);
    return response;
  }) as Response['end'];
}
