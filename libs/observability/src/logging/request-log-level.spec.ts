import type { IncomingMessage, ServerResponse } from 'node:http';
import { requestLogLevel } from './request-log-level.js';

const levelOf = (url: string, statusCode: number, error?: Error) =>
  requestLogLevel({ url } as IncomingMessage, { statusCode } as ServerResponse, error);

describe('requestLogLevel', () => {
  it('logs answered requests at info', () => {
    expect(levelOf('/products', 200)).toBe('info');
  });

  it('logs client errors at warn, except rate-limit refusals', () => {
    expect(levelOf('/products/x', 400)).toBe('warn');
    expect(levelOf('/quotes', 429)).toBe('debug');
  });

  it('logs server errors and thrown errors at error', () => {
    expect(levelOf('/orders', 503)).toBe('error');
    expect(levelOf('/orders', 200, new Error('boom'))).toBe('error');
  });

  it('keeps probes and scrapes quiet unless they fail', () => {
    expect(levelOf('/health/ready', 200)).toBe('debug');
    expect(levelOf('/health/ready', 503)).toBe('warn');
    expect(levelOf('/metrics', 200)).toBe('debug');
  });
});
