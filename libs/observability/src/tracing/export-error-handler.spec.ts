import { exportErrorHandler } from './export-error-handler.js';

function handlerWithClock() {
  const lines: string[] = [];
  let time = 0;
  const handle = exportErrorHandler(
    (message) => lines.push(message),
    () => time,
  );
  return { lines, handle, advance: (ms: number) => (time += ms) };
}

const unreachable = Object.assign(new Error('getaddrinfo ENOTFOUND otel-collector'), {
  code: 'ENOTFOUND',
});

describe('exportErrorHandler', () => {
  it('logs a failed export as one line with its reason, without the stack', () => {
    const { lines, handle } = handlerWithClock();
    handle(unreachable);
    expect(lines).toEqual([
      'cannot export traces, spans are dropped: getaddrinfo ENOTFOUND otel-collector',
    ]);
  });

  it('logs the same failure at most once a minute, then says how often it recurred', () => {
    const { lines, handle, advance } = handlerWithClock();
    handle(unreachable);
    for (let batch = 0; batch < 11; batch += 1) {
      advance(5_000);
      handle(unreachable);
    }
    expect(lines).toHaveLength(1);
    advance(5_000);
    handle(unreachable);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/ENOTFOUND otel-collector \(11 more since the last report\)$/);
  });

  it('logs a different failure at once', () => {
    const { lines, handle } = handlerWithClock();
    handle(unreachable);
    handle({ message: 'Request Timeout', code: 'ETIMEDOUT' });
    handle('Export failed with status 503');
    expect(lines.slice(1)).toEqual([
      'cannot export traces, spans are dropped: ETIMEDOUT Request Timeout',
      'cannot export traces, spans are dropped: Export failed with status 503',
    ]);
  });
});
