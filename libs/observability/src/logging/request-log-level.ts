import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Level } from 'pino';
import { isProbeOrScrape } from '../probe-requests.js';

/**
 * The level of a request's log line. Probes and scrapes are debug unless they fail. A 429 is
 * debug too: refusing a flood is the rate limiter doing its job, and a warn line per refusal
 * would turn a flood of requests into a flood of log lines (the limiter's metrics count them).
 */
export function requestLogLevel(
  request: IncomingMessage,
  response: ServerResponse,
  error?: Error,
): Level {
  if (isProbeOrScrape(request.url)) return response.statusCode < 400 ? 'debug' : 'warn';
  if (error || response.statusCode >= 500) return 'error';
  if (response.statusCode === 429) return 'debug';
  if (response.statusCode >= 400) return 'warn';
  return 'info';
}
