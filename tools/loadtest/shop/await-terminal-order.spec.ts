import { jest } from '@jest/globals';
import { awaitTerminalOrder } from './await-terminal-order.js';

describe('following an order to its end', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('returns at once when the first read is terminal', async () => {
    const read = jest.fn(async () => 'CONFIRMED');
    await expect(awaitTerminalOrder(read, { intervalMs: 100, timeoutMs: 1_000 })).resolves.toBe(
      'CONFIRMED',
    );
    expect(read).toHaveBeenCalledTimes(1);
  });

  it('reads again every interval until the saga ends', async () => {
    const statuses = ['PENDING', 'PENDING', 'CANCELLED'];
    const read = jest.fn(async () => statuses.shift());
    const end = awaitTerminalOrder(read, { intervalMs: 100, timeoutMs: 1_000 });
    await jest.advanceTimersByTimeAsync(99);
    expect(read).toHaveBeenCalledTimes(1);
    await jest.advanceTimersByTimeAsync(101);
    await expect(end).resolves.toBe('CANCELLED');
    expect(read).toHaveBeenCalledTimes(3);
  });

  it('gives up as still pending once the time is up', async () => {
    const read = jest.fn(async () => 'PENDING');
    const end = awaitTerminalOrder(read, { intervalMs: 100, timeoutMs: 1_000 });
    await jest.advanceTimersByTimeAsync(1_000);
    await expect(end).resolves.toBe('STILL_PENDING');
    // At 0, 100, ... and the last at the deadline itself.
    expect(read).toHaveBeenCalledTimes(11);
  });

  it('fails when a read fails', async () => {
    const read = jest.fn(async () => {
      throw new Error('order status: 503');
    });
    await expect(awaitTerminalOrder(read, { intervalMs: 100, timeoutMs: 1_000 })).rejects.toThrow(
      '503',
    );
  });
});
